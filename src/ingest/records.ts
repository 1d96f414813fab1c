// Format 2: OpenWhisk activation records on their own — one object, an array, NDJSON (one record a
// line), or what `wsk activation get` prints. Such records do not say how many invocations ran at
// once: concurrency null ("not recorded"), no repetition.
import type { Activation } from '../types.js';
import * as msg from './messages.js';
import { activationRow, type RecordSetting } from './activation.js';
import { parseJson } from './json-text.js';
import { fail, rejectRecord, RecordProblem, type FileContext } from './problem.js';

const standalone: RecordSetting = { concurrency: null, repetition: null };

export function activationArrayRows(records: unknown[], ctx: FileContext, out: Activation[]): void {
  for (let i = 0; i < records.length; i++) {
    try {
      out.push(activationRow(records[i], ctx, standalone));
    } catch (error) {
      rejectRecord(ctx, `[${i}]`, error);
    }
    records[i] = undefined;
  }
}

export function activationObjectRows(record: unknown, ctx: FileContext, out: Activation[], place = 'record'): void {
  try {
    out.push(activationRow(record, ctx, standalone));
  } catch (error) {
    if (error instanceof RecordProblem) fail(ctx, error.field || place, error.problem);
    throw error;
  }
}

/** Splits NDJSON into (line number, text) pairs, skipping blank lines. */
export function* ndjsonLines(text: string, firstLine = 1): Generator<[number, string]> {
  let start = 0;
  let line = firstLine;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end).trim();
    if (content) yield [line, content];
    start = end + 1;
    line++;
  }
}

/** Parses one NDJSON line into a value, or throws a RecordProblem naming what was wrong with it. */
export function parseNdjsonLine(content: string): unknown {
  const parsed = parseJson(content);
  if (!parsed.ok) {
    const column = /column \d+/.exec(parsed.failure.place)?.[0];
    throw new RecordProblem('', msg.badNdjsonLine(column ? `${column}: ${parsed.failure.problem}` : parsed.failure.problem));
  }
  return parsed.value;
}

export function activationNdjsonRows(text: string, ctx: FileContext, out: Activation[]): void {
  for (const [line, content] of ndjsonLines(text)) {
    try {
      out.push(activationRow(parseNdjsonLine(content), ctx, standalone));
    } catch (error) {
      rejectRecord(ctx, `line ${line}`, error);
    }
  }
}

/**
 * `wsk activation get ID` prints "ok: got activation ID" and then the record as indented JSON.
 * Several such outputs may be concatenated into one file: one record each.
 */
export function wskTextRows(text: string, ctx: FileContext, out: Activation[]): void {
  const headers = [...text.matchAll(/^ok: got activation \S+[^\n]*(\n|$)/gm)];
  for (let h = 0; h < headers.length; h++) {
    const header = headers[h];
    const bodyStart = (header.index ?? 0) + header[0].length;
    const bodyEnd = h + 1 < headers.length ? headers[h + 1].index ?? text.length : text.length;
    const firstLine = lineOf(text, bodyStart);
    const parsed = parseJson(text.slice(bodyStart, bodyEnd), firstLine);
    try {
      if (!parsed.ok) throw new RecordProblem('', parsed.failure.problem);
      out.push(activationRow(parsed.value, ctx, standalone));
    } catch (error) {
      const place = parsed.ok ? `line ${firstLine - 1}` : parsed.failure.place;
      if (error instanceof RecordProblem && !parsed.ok) fail(ctx, place, error.problem);
      rejectRecord(ctx, place, error);
    }
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
