// The fast path for the large line-oriented inputs, NDJSON activation records and CSV: the file
// read in chunks of whole lines (line-chunks.ts), each chunk parsed by the general path's own
// parsers, so the rows are the same and no whole-file text or bytes are held. Any problem at all
// (another format, a bad record even under --skip-invalid, a quote in the CSV, whose quoted
// fields may span lines) returns null, leaving nothing behind: the general path then reads the
// file and names the problem with its line, exactly as before.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ActivationStore, ESTIMATE_FROM_ROWS, ESTIMATE_MIN_BYTES } from '../table/store.js';
import type { Activation, InputFormat } from '../types.js';
import { csvLayout } from './csv.js';
import { CsvColumns } from './csv-columns.js';
import { csvRecords } from './csv-text.js';
import { detect } from './detect.js';
import { readLineRange, type ChunkReader } from './line-chunks.js';
import { readInHalves, type HalvesJob } from './lines-parallel.js';
import type { FileContext } from './problem.js';
import { activationNdjsonRows } from './records.js';

export interface LinesResult {
  format: Extract<InputFormat, 'activation-ndjson' | 'csv'>;
  rows: ActivationStore;
  sha256: string;
  /** How many of the rows a worker read (the file's second half), or 0. */
  workerRows: number;
}

/** Lines read so far: the format and CSV header the first chunk showed. */
export interface LinesState {
  format: LinesResult['format'] | null;
  header: string;
  /** CSV: the reader of the header's columns, made from the first chunk (or the header a worker is given). */
  csv?: CsvColumns;
}

/**
 * Reads `path` as NDJSON records or CSV if it is one; null means "use the general path". A file
 * of PARALLEL_MIN bytes or more, where there is a second core, is read half here and half in a
 * worker (lines-parallel.ts), with the same rows in the same order. Chunks of 1 MiB: faster than
 * 8 MiB here, and 120–150 MB less peak memory on 1M records (a chunk's text and rows are transient).
 */
export function readLinesFast(path: string, ctx: FileContext, chunkSize = 1 << 20, parallelMin = PARALLEL_MIN): LinesResult | null {
  const rows = new ActivationStore();
  // Strict, so that a bad record throws (and the general path reports or skips it, with its line).
  const strict: FileContext = { ...ctx, skipInvalid: false, warnings: [] };
  const state: LinesState = { format: null, header: '' };
  const fd = openSync(path, 'r');
  const each = linesInto(rows, strict, state, fstatSync(fd).size);
  let sha256: string | null;
  let workerRows = 0;
  try {
    const hash = createHash('sha256');
    const size = fstatSync(fd).size;
    let ok: boolean;
    if (size >= parallelMin && availableParallelism() >= 2) {
      const job: HalvesJob = { each, rows, strict, state, chunkSize, hash };
      ok = readInHalves(fd, path, size, job);
      workerRows = job.workerRows ?? 0;
    } else ok = readLineRange(fd, 0, Infinity, each, chunkSize, hash);
    sha256 = ok ? hash.digest('hex') : null;
  } finally {
    closeSync(fd);
  }
  if (sha256 === null || state.format === null) return null;
  for (const warning of strict.warnings) ctx.warnings.push(warning);
  return { format: state.format, rows, sha256, workerRows };
}

/** Below this a second thread costs more than it saves (its start and its modules: ~50 ms). */
export const PARALLEL_MIN = 32 << 20;

/**
 * Parses each chunk of lines into `rows`; false on anything the general path must name.
 * `ahead`: the bytes of input `rows` will take in all (to the file's end, a worker's part
 * included), from which its room is reserved once (ActivationStore.reserveFor).
 */
export function linesInto(rows: ActivationStore, strict: FileContext, state: LinesState, ahead = 0): ChunkReader {
  let read = 0;
  let estimated = ahead < ESTIMATE_MIN_BYTES;
  return (text, first) => {
    // A chunk's rows live only until they are in the columns.
    const chunk: Activation[] = [];
    try {
      if (first) {
        state.format = formatOf(text, strict);
        if (state.format === 'csv') state.header = text.slice(0, text.indexOf('\n') + 1);
      }
      if (state.format === 'activation-ndjson') activationNdjsonRows(text, strict, chunk);
      else if (state.format === 'csv' && !text.includes('"')) {
        // The header's warnings (unused columns) are given once, for the file's first chunk.
        state.csv ??= csvColumnsOf(state.header, first ? strict : { ...strict, warnings: [] }, rows);
        state.csv.read(text, first ? state.header.length : 0);
      } else return false;
      for (let i = 0; i < chunk.length; i++) rows.push(chunk[i]);
      // The chunk's characters: its bytes, near enough for an estimate.
      read += text.length;
      if (!estimated && rows.length >= ESTIMATE_FROM_ROWS) {
        rows.reserveFor(read, ahead);
        estimated = true;
      }
      return true;
    } catch {
      return false;
    }
  };
}

function csvColumnsOf(header: string, ctx: FileContext, rows: ActivationStore): CsvColumns {
  const [first] = csvRecords(header, '');
  if (first === undefined) throw new Error('no CSV header');
  return new CsvColumns(csvLayout(first.cells, ctx), ctx, rows);
}

/** What detect() says of the whole file, from its first chunk; null for any other format. */
function formatOf(text: string, ctx: FileContext): LinesResult['format'] | null {
  const c = text.charCodeAt(0);
  // JSON arrays are the flat path's or the general path's; a header must start the first line.
  if (c !== 0x7b /* { */ && !(c > 0x20 && c !== 0x5b /* [ */)) return null;
  if (!text.includes('\n')) return null;
  const format = detect(text, ctx).format;
  return format === 'activation-ndjson' || format === 'csv' ? format : null;
}
