// The fast path for the largest inputs: a JSON array of flat records scanned straight from the
// file's bytes in chunks, filling one reused scratch record that flatRow() validates and turns
// into a row. No 200 MB string and no million intermediate objects (JSON.parse needed ~6 s and
// 0.9 GB for 1M records here). It gives exactly what the general path gives, or bails out (returns
// null, leaving nothing behind) on anything else: other shapes, nesting, escapes it cannot trust,
// syntax errors — the general path then reads the file and names the problem.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ActivationStore, ESTIMATE_FROM_ROWS, ESTIMATE_MIN_BYTES } from '../table/store.js';
import { flatRow, looksFlatBy } from './flat.js';
import { BAIL, ChunkedJsonBytes, NEED_MORE } from './json-bytes.js';
import { FIELDS, fieldOf, KEY_BYTES, newScratch, REPEATING, resetScratch, sameBytes, store, type Scratch } from './flat-scratch.js';
import { rejectRecord, type FileContext } from './problem.js';
import { startHalf, type HalfWorker } from './half-worker.js';

export interface FastResult {
  rows: ActivationStore;
  sha256: string;
  /** How many of the rows a worker read (the file's second half), or 0. */
  workerRows: number;
}

/** Below this a second thread costs more than it saves (its start and its modules: ~50 ms). */
export const PARALLEL_MIN = 32 << 20;

/**
 * Reads `path` as flat records if it is one; null means "use the general path". A file of
 * `parallelMin` bytes or more, where there is a second core, is scanned half here and half in a
 * worker (flat-worker.ts) from a record start past the middle: this thread takes the worker's rows
 * only if its own scan arrives at exactly that record, and the worker's reached the array's end
 * with no problem at all; else it scans on itself, as it would have without a worker.
 */
export function readFlatFast(path: string, ctx: FileContext, chunkSize = 4 << 20, parallelMin = PARALLEL_MIN): FastResult | null {
  const fd = openSync(path, 'r');
  let split: Split | null = null;
  try {
    const size = fstatSync(fd).size;
    const at = size >= parallelMin && availableParallelism() >= 2 ? recordStartAfter(fd, Math.floor(size / 2), size) : -1;
    if (at !== -1) {
      const task: FlatHalfTask = { path, from: at, source: ctx.source, runtime: ctx.runtime, chunkSize };
      split = { at, worker: startHalf('flat-worker', task) };
    }
    return new FlatScanner(fd, ctx, chunkSize, 0, size).run(split);
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  } finally {
    split?.worker.stop();
    closeSync(fd);
  }
}

/** What the worker is given. */
export interface FlatHalfTask {
  path: string;
  from: number;
  source: number;
  runtime: string | undefined;
  chunkSize: number;
}

interface Split {
  at: number;
  worker: HalfWorker;
}

/** The worker's scan: the records from `task.from` to the array's end, or null on anything else. */
export function scanFlatHalf(task: FlatHalfTask): ActivationStore | null {
  const fd = openSync(task.path, 'r');
  try {
    const ctx: FileContext = { file: task.path, source: task.source, runtime: task.runtime, skipInvalid: false, warnings: [] };
    return new FlatScanner(fd, ctx, task.chunkSize, task.from, fstatSync(fd).size).half();
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The offset of the first record start (a `{` opening a line) within 64 KB past `at`, or -1. */
function recordStartAfter(fd: number, at: number, size: number): number {
  const buf = Buffer.allocUnsafe(Math.min(1 << 16, size - at));
  const got = readSync(fd, buf, 0, buf.length, at);
  for (let newline = buf.indexOf(0x0a); newline !== -1 && newline < got; newline = buf.indexOf(0x0a, newline + 1)) {
    let p = newline + 1;
    while (p < got && (buf[p] === 0x20 || buf[p] === 0x09 || buf[p] === 0x0d)) p++;
    if (p < got && buf[p] === 0x7b /* { */) return at + p;
  }
  return -1;
}

/** Distinct values of a repeating field remembered (more are decoded each time they come). */
const CACHED = 16;
const ACTIVATION_ID = FIELDS.indexOf('activationId');
const ACTIVATION_ID_TABLE = FIELDS.indexOf('activation_id');

class FlatScanner extends ChunkedJsonBytes {
  private readonly scratch: Scratch = newScratch();
  /** Per repeating field, the values seen so far with their bytes (at most CACHED), newest last. */
  private readonly cache: Array<Array<{ bytes: Buffer; value: string }>> = FIELDS.map(() => []);
  private readonly rows = new ActivationStore();
  private readonly warnings: string[] = [];
  private firstError: unknown = null;
  private index = 0;

  constructor(fd: number, private readonly ctx: FileContext, chunkSize: number, private readonly from: number, private readonly size: number) {
    super(fd, chunkSize, from, from === 0);
  }



  run(split: Split | null): FastResult | null {
    this.fill(0);
    this.skipWs();
    if (this.buf[this.p] !== 0x5b /* [ */) return null;
    this.p++;
    const ended = this.records(split);
    if (ended === 'not flat') return null;
    let workerRows = 0;
    const parts = ended === 'split' ? split!.worker.take() : null;
    if (parts !== null) {
      // The worker reached the array's end and the file's with nothing amiss: its rows follow these.
      this.rows.append(ActivationStore.fromParts(parts));
      workerRows = parts.length;
      while (!this.eof) this.fill(this.n); // the rest is hashed here, in order
    } else {
      if (ended === 'split') this.records(null, true); // it gave up: the second half is read here
      this.skipWs();
      if (this.p < this.n || !this.eofAfterWhitespace()) throw BAIL;
    }
    if (this.index === 0) throw BAIL;
    if (this.firstError !== null) throw this.firstError;
    for (const warning of this.warnings) this.ctx.warnings.push(warning);
    return { rows: this.rows, sha256: this.hash!.digest('hex'), workerRows };
  }

  /** A worker's half: records from a record start to the array's end, with no problem and no warning. */
  half(): ActivationStore | null {
    this.fill(0);
    this.index = 1; // not the first record: the file's first was checked by the parent
    if (this.records(null, true) !== 'end') return null;
    this.skipWs();
    if (this.p < this.n || !this.eofAfterWhitespace()) return null;
    return this.firstError === null && this.warnings.length === 0 ? this.rows : null;
  }

  /**
   * Records up to the array's closing bracket ('end'), or up to the record at split.at when the
   * scan arrives exactly there ('split'); 'not flat' when the first record is another shape.
   */
  private records(split: Split | null, startsAtRecord = false): 'end' | 'split' | 'not flat' {
    let expectComma = this.index > 0 && !startsAtRecord;
    for (;;) {
      const resume = this.p;
      try {
        this.skipWs();
        if (this.p >= this.n) throw NEED_MORE;
        const c = this.buf[this.p];
        if (expectComma) {
          this.p++;
          if (c === 0x5d /* ] */) return 'end';
          if (c !== 0x2c /* , */) throw BAIL;
          expectComma = false;
          continue;
        }
        if (c !== 0x7b /* { */) throw BAIL;
        if (split !== null && this.base + this.p === split.at) return 'split';
        this.readRecord(this.index === 0);
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        if (this.eof) throw BAIL;
        this.fill(resume);
        continue;
      }
      if (this.index === 0 && !this.firstLooksFlat()) return 'not flat';
      this.convert(this.index++);
      expectComma = true;
    }
  }

  private convert(index: number): void {
    try {
      // The row object dies young: only its values stay, in the columns.
      const row = flatRow(this.scratch, this.ctx);
      // The id stays bytes: the key flatRow took it from (activationId first) says which.
      const range = this.scratch.activationId !== undefined ? 0 : 2;
      if (row.activation_id === null) this.rows.push(row);
      else this.rows.pushWithIdBytes(row, this.buf, this.idRanges[range], this.idRanges[range + 1]);
      // Room for the rest of the file at once (ActivationStore.reserveFor): to its end, since this
      // thread's store also takes the rows a worker reads.
      if (this.rows.length === ESTIMATE_FROM_ROWS && this.size - this.from >= ESTIMATE_MIN_BYTES) this.rows.reserveFor(this.base + this.p - this.from, this.size - this.from);
    } catch (error) {
      // Deferred: a syntax error later in the file must win, as it does on the general path.
      if (this.firstError !== null) return;
      const local = { ...this.ctx, warnings: this.warnings };
      try {
        rejectRecord(local, `[${index}]`, error);
      } catch (fatal) {
        this.firstError = fatal;
      }
    }
  }

  private firstLooksFlat(): boolean {
    const scratch = this.scratch as Record<string, unknown>;
    return looksFlatBy((key) => this.otherKeys.has(key) || scratch[key] !== undefined);
  }

  /** Keys of the first record that flatRow does not read (to tell other shapes apart). */
  private readonly otherKeys = new Set<string>();

  /** Where the record's activationId and activation_id strings are in buf: start, end of each. */
  private readonly idRanges = new Int32Array(4);

  private readRecord(first: boolean): void {
    const scratch = this.scratch;
    resetScratch(scratch);
    const b = this.buf;
    this.p++; // {
    this.skipWs();
    if (this.p >= this.n) throw NEED_MORE;
    if (b[this.p] === 0x7d /* } */) {
      this.p++;
      return;
    }
    for (let k = 0; ; k++) {
      this.skipWs();
      if (this.p >= this.n) throw NEED_MORE;
      if (b[this.p] !== 0x22) throw BAIL;
      const keyStart = this.p + 1;
      const field = this.keyAt(k, keyStart, first);
      this.skipWs();
      if (this.p >= this.n) throw NEED_MORE;
      if (b[this.p] !== 0x3a /* : */) throw BAIL;
      this.p++;
      this.skipWs();
      if (this.p >= this.n) throw NEED_MORE;
      const value = this.readValue(field);
      if (field >= 0) store(scratch, field, value);
      this.skipWs();
      if (this.p >= this.n) throw NEED_MORE;
      const c = b[this.p++];
      if (c === 0x7d /* } */) return;
      if (c !== 0x2c /* , */) throw BAIL;
    }
  }

  /**
   * The field of the record's k-th key (-1: one flatRow does not read), moving p past the key.
   * Records repeat one key order: the key the last record had here is tried first, a plain
   * comparison of its bytes and closing quote instead of a scan and a hash.
   */
  private keyAt(k: number, keyStart: number, first: boolean): number {
    const b = this.buf;
    const expected = k < this.order.length ? this.order[k] : -1;
    if (expected >= 0) {
      const bytes = KEY_BYTES[expected];
      const close = keyStart + bytes.length;
      if (close < this.n && b[close] === 0x22 && sameBytes(bytes, b, keyStart, close)) {
        this.p = close + 1;
        return expected;
      }
    }
    const keyEnd = this.scanString(keyStart);
    if (keyEnd < 0) throw BAIL; // escapes in a key: leave it to JSON.parse
    this.p = keyEnd + 1;
    const field = fieldOf(b, keyStart, keyEnd);
    if (first && field < 0) this.otherKeys.add(b.toString('latin1', keyStart, keyEnd));
    if (k < this.order.length) this.order[k] = field;
    return field;
  }

  /** The fields of the last record's keys, in order (-1 where none): what keyAt tries first. */
  private readonly order = new Int8Array(32).fill(-1);

  private readValue(field: number): unknown {
    const b = this.buf;
    const c = b[this.p];
    if (c === 0x22) {
      const start = this.p + 1;
      const end = this.scanString(start);
      if (end < 0) throw BAIL;
      this.p = end + 1;
      if (field === ACTIVATION_ID || field === ACTIVATION_ID_TABLE) {
        // No string: the store copies the id's bytes (see convert); flatRow only sees that it is one.
        const at = field === ACTIVATION_ID ? 0 : 2;
        this.idRanges[at] = start;
        this.idRanges[at + 1] = end;
        return '';
      }
      return field >= 0 ? this.stringOf(field, start, end) : undefined;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.readNumber();
    if (c === 0x74) return this.literal('true', true);
    if (c === 0x66) return this.literal('false', false);
    if (c === 0x6e) return this.literal('null', null);
    throw BAIL; // nested objects and arrays are not flat records
  }

  private stringOf(field: number, start: number, end: number): string {
    const b = this.buf;
    if (REPEATING.has(FIELDS[field])) {
      // Rows alternate among a few runtimes and labels: each is found here, not decoded again.
      const cached = this.cache[field];
      for (let k = cached.length - 1; k >= 0; k--) if (sameBytes(cached[k].bytes, b, start, end)) return cached[k].value;
      const value = b.toString('utf8', start, end);
      if (cached.length === CACHED) cached.shift();
      cached.push({ bytes: Buffer.from(b.subarray(start, end)), value });
      return value;
    }
    return b.toString(this.ascii ? 'latin1' : 'utf8', start, end);
  }

}
