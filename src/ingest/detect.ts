// Which of the DESIGN.md §2.2 formats a file holds, decided by its content alone (never its name).
import type { InputFormat } from '../types.js';
import * as msg from './messages.js';
import { looksLikeActivation } from './activation.js';
import { isObject } from './fields.js';
import { looksFlat } from './flat.js';
import { looksGrouped } from './grouped.js';
import { looksAggregate } from './aggregate-json.js';
import { looksLikeCsvHeader } from './csv-header.js';
import { parseJson } from './json-text.js';
import { fail, type FileContext } from './problem.js';

export type Detected =
  | { format: 'flat-records' | 'activation-records' | 'grouped-by-concurrency' | 'aggregate-json'; value: unknown[] }
  | { format: 'activation-records-object'; value: Record<string, unknown> }
  | { format: Exclude<InputFormat, 'flat-records' | 'activation-records' | 'grouped-by-concurrency' | 'aggregate-json'> };

const PYTHON_HEADER = /^results\b[^\n]*:[ \t]*\r?$/m;
const WSK_FIRST_LINE = /^ok: got activation \S+/;

export function detect(text: string, ctx: FileContext): Detected {
  const start = text.search(/\S/);
  if (start === -1) fail(ctx, null, msg.emptyFile());
  const first = text[start];
  if (WSK_FIRST_LINE.test(text.slice(start, start + 200))) return { format: 'wsk-activation-get' };
  if (first === '[' || first === '{') return detectJson(text, ctx);
  if (looksCsv(text, start)) return { format: 'csv' };
  if (PYTHON_HEADER.test(text)) return { format: 'aggregate-python' };
  fail(ctx, 'line 1', msg.unknownShape(msg.unknownStart()));
}

function detectJson(text: string, ctx: FileContext): Detected {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    // More than one JSON value: NDJSON (activation records or a run log), one value a line.
    if (text.trimStart()[0] === '{' && looksNdjson(text)) return ndjsonFormat(text);
    fail(ctx, parsed.failure.place, parsed.failure.problem);
  }
  const value = parsed.value;
  if (Array.isArray(value)) {
    if (value.length === 0) fail(ctx, null, msg.emptyArray());
    const head: unknown = value[0];
    if (!isObject(head)) fail(ctx, '[0]', msg.unknownShape(`an array whose first element is ${msg.show(head)}`));
    if (looksGrouped(head)) return { format: 'grouped-by-concurrency', value };
    if (looksLikeActivation(head)) return { format: 'activation-records', value };
    if (looksFlat(head)) return { format: 'flat-records', value };
    if (looksAggregate(head)) return { format: 'aggregate-json', value };
    fail(ctx, '[0]', msg.unknownShape(`an object with keys ${keyList(head)}`));
  }
  if (isObject(value)) {
    if (value.type === 'run') return { format: 'run-log' };
    if (looksLikeActivation(value)) return { format: 'activation-records-object', value };
    fail(ctx, null, msg.unknownShape(`an object with keys ${keyList(value)}`));
  }
  fail(ctx, null, msg.unknownShape(`a JSON ${value === null ? 'null' : typeof value}`));
}

/** NDJSON: the first line on its own is a complete JSON object. */
function looksNdjson(text: string): boolean {
  const firstLine = text.trimStart().split('\n', 1)[0].trim();
  const parsed = parseJson(firstLine);
  return parsed.ok && isObject(parsed.value);
}

function ndjsonFormat(text: string): Detected {
  const firstLine = text.trimStart().split('\n', 1)[0].trim();
  const parsed = parseJson(firstLine);
  // A log whose run line is missing still reads as a run log, so the message says what is missing.
  const type = parsed.ok && isObject(parsed.value) ? parsed.value.type : undefined;
  if (type === 'run' || type === 'trial' || type === 'activation') return { format: 'run-log' };
  return { format: 'activation-ndjson' };
}

/** A CSV header: separated names, one of them a field of the activation table (csv-header.ts). */
function looksCsv(text: string, start: number): boolean {
  const header = text.slice(start, text.indexOf('\n', start) === -1 ? undefined : text.indexOf('\n', start));
  return looksLikeCsvHeader(header.trim());
}

/** The first keys of an unknown object, each cut short: a key may be any length (a fuzzed file's was 500,000 characters). */
function keyList(value: object): string {
  const keys = Object.keys(value).slice(0, 8).map((key) => (key.length > 40 ? `${key.slice(0, 40)}…` : key));
  return keys.join(', ') || '(none)';
}
