// The ingest stage's public API: any activation data a user has → one normalized activation table
// (DESIGN.md §2.1–2.2). ingestFiles and ingestText throw an InputError (file, place, problem) on
// bad input; loadFrame gives the same table as a danfo DataFrame.
export { ingestFiles, ingestText, type IngestOptions, type InputSpec } from './ingest.js';
export { loadFrame, frameOf } from './frame.js';
export { COLUMNS } from './row.js';
export * as messages from './messages.js';
