// Every user-facing ingest message, as a named function (vega-lite's message catalog style), so
// tests assert the message by name, not a copy of its text. `place` and `file` are added by
// InputError; these functions say what was wrong and what was expected.

/** A value as the user wrote it, short enough for one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const tooLargeForText = (megabytes: number) =>
  `the file (${megabytes} MB) is too large to read as one text; flat records of any size are streamed, other shapes must stay under 512 MB (split the file, or write NDJSON in several files)`;
export const emptyFile = () => 'the file is empty: expected activation data (JSON, NDJSON, CSV or a results block)';
export const missingFile = () => 'no such file';
export const unreadableFile = (reason: string) => `cannot read the file: ${reason}`;
export const notJson = (found: string) => `not valid JSON: unexpected ${found}`;
export const truncatedJson = () => 'the JSON ends too early: the file looks truncated';
export const nanLiteral = (literal: string) =>
  `${literal} is not a number JSON allows: expected a finite number (was the file written by Python's json with NaN?)`;
export const unknownShape = (what: string) =>
  `unknown shape: ${what}; expected flat records, OpenWhisk activation records, ` +
  `[{"no_concurrent_requests": N, "responses": [...]}], aggregate rows, a run log or CSV`;
export const unknownStart = () =>
  'the file starts with neither JSON, a "results ...:" header, "ok: got activation" nor a CSV header';
export const emptyArray = () => 'the array is empty: expected at least one record';

export const expectedNumber = (got: unknown) => `expected a number, got ${show(got)}`;
export const expectedFinite = (got: unknown) => `expected a finite number, got ${show(got)}`;
export const expectedString = (got: unknown) => `expected a string, got ${show(got)}`;
export const expectedObject = (what: string, got: unknown) => `expected ${what} (an object), got ${show(got)}`;
export const expectedArray = (what: string, got: unknown) => `expected ${what} (an array), got ${show(got)}`;
export const missingField = (what: string) => `missing: expected ${what}`;
export const negativeTime = (got: number) => `expected a time in ms that is 0 or more, got ${got}`;
export const initLongerThanDuration = (init: number, duration: number) =>
  `initTime ${init} is larger than duration ${duration}: impossible in OpenWhisk, where duration includes init`;
export const badConcurrency = (got: unknown) => `expected a concurrency that is a whole number of 1 or more, got ${show(got)}`;
export const badCount = (got: unknown) => `expected a count that is a whole number of 0 or more, got ${show(got)}`;
export const badStatus = (got: unknown, allowed: readonly string[]) =>
  `expected a status, one of ${allowed.map((s) => `"${s}"`).join(', ')}, got ${show(got)}`;
export const badStatusCode = (got: unknown) => `expected a statusCode of 0, 1, 2 or 3, got ${show(got)}`;
export const statusDisagrees = (code: unknown, meaning: string, status: unknown) =>
  `statusCode ${show(code)} means "${meaning}" but status is ${show(status)}: the record contradicts itself`;
export const badComposition = (got: unknown) => `expected a composition, "sequence", "conductor" or "trigger", got ${show(got)}`;
export const noRuntime = () => 'no runtime label: expected a "kind" (or "runtime") field, or name one with --runtime';
export const badNdjsonLine = (detail: string) => `not a JSON object on this line (${detail}); NDJSON holds one JSON object a line`;

export const badPythonBlock = (detail: string) => `malformed results block: ${detail}`;
export const pythonHeaderWithoutList = () => 'a "results ...:" header must be followed by a Python list of dicts';
export const pythonTextOutsideBlock = () => 'text outside a "results <runtime> ...:" block';

export const csvMissingColumns = (names: string[]) =>
  `missing column${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}: a CSV needs the activation table's column names`;
export const csvSameField = (first: string, second: string, field: string) =>
  `columns "${first}" and "${second}" both name ${field}: keep one of them`;
export const csvUnusedColumns = (names: string[]) =>
  `column${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')} ${names.length > 1 ? 'are' : 'is'} not read (no activation-table field has that name; see README "CSV columns")`;
export const csvSemicolons = () =>
  'the columns are separated by ";" (a spreadsheet export with decimal commas?): owbench reads CSV separated by "," with "." decimals; export it that way (e.g. LibreOffice: Save As CSV, field delimiter ",")';
export const csvFieldCount = (expected: number, got: number) => `expected ${expected} fields like the header, got ${got}`;
export const csvUnclosedQuote = () => 'a quoted field is never closed';
export const expectedBoolean = (got: unknown) => `expected true or false, got ${show(got)}`;
export const coldWithoutInit = (cold: boolean) =>
  cold ? 'cold is true but init_ms is empty: a cold activation has an init time' : 'cold is false but init_ms is given: only cold activations have an init time';
export const inconsistentDerived = (column: string, expected: number, got: number) =>
  `${column} ${got} disagrees with the value its definition gives, ${expected}`;

export const duplicatesDropped = (count: number) =>
  `${count} activation${count > 1 ? 's' : ''} appeared more than once with the same id and the same contents (a file given twice, or overlapping exports): counted once, ${count} dropped`;
export const duplicateDiffers = (id: string, file: string, nth: number, field: string, was: unknown, now: unknown) =>
  `activation id ${id} was already read from ${file} (activation ${nth}) with other contents (${field} ${show(was)} there, ${show(now)} here): one id is one activation`;

export const runLogFirstLine = () => 'a run log starts with {"type":"run","version":1,...}';
export const runLogVersion = (got: unknown) => `unsupported run log version ${show(got)}: expected 1`;
export const runLogLineType = (got: unknown) => `expected a line of type "run", "trial" or "activation", got ${show(got)}`;
export const tornLastLine = () =>
  'the last line is cut off (the run was interrupted while writing it); ignored, as a resumed run would';
export const duplicateTrial = (trial: string) => `trial "${trial}" is recorded twice (a run log records each trial once)`;
export const trialWithoutRecord = (trial: string) =>
  `trial "${trial}" was answered but its activation record was never fetched (resume the run to fetch it); skipped`;

// Limits and lexer problems (issue 15): each message says the limit, and quotes no raw control character.
/** One character as a message shows it: printable as is, anything else as its \u escape. */
export const quoteChar = (c: string) => (/^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? `"${c}"` : `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
export const tooDeep = (limit: number) => `nested deeper than ${limit} levels: activation data nests a few levels only`;
export const tooLongString = (limit: number) =>
  `a string longer than ${limit.toLocaleString('en-US')} characters: no field of activation data is this long`;
export const tooLongLabel = (limit: number, length: number) =>
  `a runtime label of ${length.toLocaleString('en-US')} characters: labels are at most ${limit} characters`;
export const badJsonWord = (word: string) => `not valid JSON: unexpected word ${show(word)}: expected true, false, null, a number or a quoted string`;
export const unclosedJsonString = () => 'not valid JSON: a string is never closed on its line';
export const invalidUtf8 = () => 'not UTF-8 text: invalid byte sequence here (save the file as UTF-8)';
export const nulByte = () => 'a NUL byte (\\u0000): activation data is text, this looks like a binary file';
export const isDirectory = () => 'is a directory: expected a file of activation data';
