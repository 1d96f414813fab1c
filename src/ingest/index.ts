// The ingest stage's public API: any activation data a user has → one normalized activation table
// (DESIGN.md §2.1–2.2). ingestFiles and ingestText throw an InputError (file, place, problem) on
// bad input; loadFrame gives the same table as a danfo DataFrame.
//
// Formats, detected by content (never by name): flat records; OpenWhisk activation records (one
// object, an array, NDJSON, `wsk activation get` text, the list view with a top-level statusCode);
// records grouped by concurrency; aggregate rows (JSON with "N/A", Python-literal `results …:`
// blocks); the run log; CSV. Choices the design leaves open:
// - runtime: --runtime, else the trial's runtime (run log), else `runtime`/`kind` of the data,
//   else the header label of a results block; --runtime wins over every label in the file.
// - a standalone OpenWhisk record says nothing of concurrency: it counts as concurrency 1 with no
//   repetition. In grouped files, repeated entries of one level are repetitions 0, 1, ...
// - the label is also read from a JSON object printed into `response.result.body` (the peer's
//   blackbox action does that).
// - a run-log trial with outcome "error" and no record is a 'whisk internal error'; a trial that
//   was answered but whose record was never fetched is skipped with a warning.
export { ingestFiles, ingestText, type IngestOptions, type InputSpec } from './ingest.js';
export { loadFrame, frameOf } from './frame.js';
export { COLUMNS } from './row.js';
export * as messages from './messages.js';
