// A large NDJSON or CSV file read in two halves at once (issue 16): this thread parses the first
// half while a worker parses the second into columns of its own, whose buffers it hands over
// when done. The halves meet at a line start, so each is read exactly as the whole file would be,
// and the worker's rows follow this thread's, in file order. The worker only ever succeeds or
// gives up: on anything at all (a bad record, a warning, another format, a worker that does not
// start) this thread parses the second half itself, and its messages are the usual ones.
import type { Hash } from 'node:crypto';
import { readSync } from 'node:fs';
import { ActivationStore } from '../table/store.js';
import { startHalf } from './half-worker.js';
import { hashRange, readLineRange, type ChunkReader } from './line-chunks.js';
// A cycle, as lines-fast.ts calls readInHalves: both are only called, never run, at import.
import { linesInto, type LinesState } from './lines-fast.js';
import type { FileContext } from './problem.js';

export interface HalvesJob {
  each: ChunkReader;
  rows: ActivationStore;
  strict: FileContext;
  state: LinesState;
  chunkSize: number;
  hash: Hash;
  /** Set to the rows the worker's half gave, when it was taken. */
  workerRows?: number;
}

/** What the worker is given: the second half, and what the first chunk told. */
export interface HalfTask {
  path: string;
  from: number;
  format: NonNullable<LinesState['format']>;
  header: string;
  source: number;
  runtime: string | undefined;
  chunkSize: number;
}

/**
 * How much of the file this thread parses: more than half, because it starts at once while the
 * worker first loads its modules, and it hashes the worker's part too (sha256 runs in file order).
 * 1M records: with half each, this thread waited 0.48 s (NDJSON) and 0.19 s (CSV) for the worker.
 */
const MAIN_SHARE = 0.55;

export function readInHalves(fd: number, path: string, size: number, job: HalvesJob): boolean {
  const head = headOf(fd, size, job);
  if (head === null) return readLineRange(fd, 0, Infinity, job.each, job.chunkSize, job.hash);
  const middle = lineStartAfter(fd, Math.floor(size * MAIN_SHARE), size);
  const task: HalfTask = {
    path, from: middle, format: head.format, header: head.header, source: job.strict.source,
    runtime: job.strict.runtime, chunkSize: job.chunkSize,
  };
  const worker = startHalf('lines-worker', task);
  try {
    if (!readLineRange(fd, 0, middle, job.each, job.chunkSize, job.hash)) return false;
    hashRange(fd, middle, size, job.hash);
    const parts = worker.take();
    // The first chunk read here decides the format; the worker's must be the same.
    if (parts !== null && job.state.format === head.format) {
      job.rows.append(ActivationStore.fromParts(parts));
      job.workerRows = parts.length;
      return true;
    }
    return readLineRange(fd, middle, Infinity, job.each, job.chunkSize, null);
  } finally {
    worker.stop();
  }
}

/** The format and CSV header from the file's first lines (a throwaway parse: the real one follows). */
function headOf(fd: number, size: number, job: HalvesJob): { format: HalfTask['format']; header: string } | null {
  const state: LinesState = { format: null, header: '' };
  const probe = new ActivationStore();
  const buf = Buffer.allocUnsafe(Math.min(size, 1 << 16));
  const got = readSync(fd, buf, 0, buf.length, 0);
  const end = buf.lastIndexOf(0x0a, got - 1) + 1;
  if (end === 0) return null;
  const reader = linesInto(probe, { ...job.strict, warnings: [] }, state);
  if (!reader(buf.subarray(0, end).toString('utf8'), true) || state.format === null) return null;
  return { format: state.format, header: state.header };
}

/** The first line start at or after `at`. */
function lineStartAfter(fd: number, at: number, size: number): number {
  const buf = Buffer.allocUnsafe(1 << 16);
  for (let position = at; position < size;) {
    const got = readSync(fd, buf, 0, buf.length, position);
    const newline = buf.subarray(0, got).indexOf(0x0a);
    if (newline !== -1) return position + newline + 1;
    position += got;
  }
  return size;
}
