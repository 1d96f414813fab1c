// JSON.parse with the user-facing failure: the line and column of the problem, a truncated file
// called truncated, and Python's NaN/Infinity (which JSON forbids) called by name.
import * as msg from './messages.js';
import { MAX_DEPTH, MAX_STRING, scanJson } from './json-scan.js';

export interface JsonFailure {
  place: string;
  problem: string;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; failure: JsonFailure };

export function parseJson(text: string, firstLine = 1): JsonResult {
  // JSON.parse first: most texts are good, and a good text short and shallow enough is within
  // the limits without a scan (the scan cost twice JSON.parse on a million NDJSON lines).
  let value: unknown;
  let error: unknown = null;
  try {
    value = JSON.parse(text);
    if (withinLimits(text)) return { ok: true, value };
  } catch (thrown) {
    error = thrown;
  }
  // The scan places every problem exactly and enforces the depth and length limits.
  const problem = scanJson(text);
  if (problem) return { ok: false, failure: { place: placeOf(text, problem.offset, firstLine), problem: problem.problem } };
  if (error === null) return { ok: true, value };
  return { ok: false, failure: describeJsonError(text, (error as Error).message, firstLine) };
}

/**
 * True when no string in `text` can pass MAX_STRING and no nesting can pass MAX_DEPTH: it is
 * shorter than MAX_STRING and has at most MAX_DEPTH brackets and braces in all (strings included,
 * so a count over the limit only means "scan to be sure").
 */
function withinLimits(text: string): boolean {
  if (text.length > MAX_STRING) return false;
  let opens = 0;
  for (let i = text.indexOf('{'); i !== -1 && opens <= MAX_DEPTH; i = text.indexOf('{', i + 1)) opens++;
  for (let i = text.indexOf('['); i !== -1 && opens <= MAX_DEPTH; i = text.indexOf('[', i + 1)) opens++;
  return opens <= MAX_DEPTH;
}

/** At the end of the text: its last line, since a truncated file has no column to point at. */
function placeOf(text: string, offset: number, firstLine: number): string {
  if (offset < text.trimEnd().length) return lineColumn(text, offset, firstLine);
  return `line ${firstLine + text.trimEnd().split('\n').length - 1}`;
}

/** "line L, column C" of a character offset. */
export function lineColumn(text: string, offset: number, firstLine = 1): string {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function describeJsonError(text: string, message: string, firstLine: number): JsonFailure {
  const end = text.trimEnd().length;
  const atPosition = /at position (\d+)/.exec(message);
  let offset: number | null = atPosition ? Number(atPosition[1]) : unexpectedTokenOffset(text, message);
  if (/Unexpected end of JSON input/.test(message) || (offset !== null && offset >= end)) {
    const lines = text.slice(0, end).split('\n').length;
    return { place: `line ${firstLine + lines - 1}`, problem: msg.truncatedJson() };
  }
  if (offset === null) return { place: `line ${firstLine}`, problem: msg.notJson(message) };
  // V8 points past a minus sign ("-Infinity"): name the whole literal where it starts.
  if (text[offset - 1] === '-') offset--;
  const literal = /^-?(NaN|Infinity)/.exec(text.slice(offset, offset + 9));
  const place = lineColumn(text, offset, firstLine);
  if (literal) return { place, problem: msg.nanLiteral(literal[0]) };
  return { place, problem: msg.notJson(JSON.stringify(text[offset])) };
}

/** V8 names the unexpected character but not where it is: find its first occurrence outside strings at a token start. */
function unexpectedTokenOffset(text: string, message: string): number | null {
  const token = /Unexpected token '(.)'/s.exec(message)?.[1];
  if (token === undefined) return null;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === token && !/[A-Za-z0-9_.]/.test(text[i - 1] ?? ' ')) {
      return i;
    }
  }
  return null;
}
