// The fast path for the largest inputs: a JSON array of flat records scanned straight from the
// file's bytes in chunks, filling one reused scratch record that flatRow() validates and turns
// into a row. No 200 MB string and no million intermediate objects (JSON.parse needed ~6 s and
// 0.9 GB for 1M records here). It gives exactly what the general path gives, or bails out (returns
// null, leaving nothing behind) on anything else: other shapes, nesting, escapes it cannot trust,
// syntax errors — the general path then reads the file and names the problem.
import { closeSync, openSync } from 'node:fs';
import { ActivationStore } from '../table/store.js';
import { flatRow, looksFlatBy } from './flat.js';
import { BAIL, ChunkedJsonBytes, NEED_MORE } from './json-bytes.js';
import { FIELDS, fieldOf, KEY_BYTES, newScratch, REPEATING, resetScratch, sameBytes, store, type Scratch } from './flat-scratch.js';
import { rejectRecord, type FileContext } from './problem.js';

export interface FastResult {
  rows: ActivationStore;
  sha256: string;
}

/** Reads `path` as flat records if it is one; null means "use the general path". */
export function readFlatFast(path: string, ctx: FileContext, chunkSize = 4 << 20): FastResult | null {
  const fd = openSync(path, 'r');
  try {
    return new FlatScanner(fd, ctx, chunkSize).run();
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  } finally {
    closeSync(fd);
  }
}

class FlatScanner extends ChunkedJsonBytes {
  private readonly scratch: Scratch = newScratch();
  private readonly cache: Array<{ bytes: Buffer; value: string } | undefined> = FIELDS.map(() => undefined);
  private readonly rows = new ActivationStore();
  private readonly warnings: string[] = [];
  private firstError: unknown = null;

  constructor(fd: number, private readonly ctx: FileContext, chunkSize: number) {
    super(fd, chunkSize);
  }

  run(): FastResult | null {
    this.fill(0);
    this.skipWs();
    if (this.buf[this.p] !== 0x5b /* [ */) return null;
    this.p++;
    let index = 0;
    let expectComma = false;
    for (;;) {
      const resume = this.p;
      try {
        this.skipWs();
        if (this.p >= this.n) throw NEED_MORE;
        const c = this.buf[this.p];
        if (expectComma) {
          this.p++;
          if (c === 0x5d /* ] */) break;
          if (c !== 0x2c /* , */) throw BAIL;
          expectComma = false;
          continue;
        }
        if (c !== 0x7b /* { */) throw BAIL;
        this.readRecord(index === 0);
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        if (this.eof) throw BAIL;
        this.fill(resume);
        continue;
      }
      if (index === 0 && !this.firstLooksFlat()) return null;
      this.convert(index++);
      expectComma = true;
    }
    this.skipWs();
    if (this.p < this.n || !this.eofAfterWhitespace()) throw BAIL;
    if (index === 0) throw BAIL;
    if (this.firstError !== null) throw this.firstError;
    for (const warning of this.warnings) this.ctx.warnings.push(warning);
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }

  private convert(index: number): void {
    try {
      // The row object dies young: only its values stay, in the columns.
      this.rows.push(flatRow(this.scratch, this.ctx));
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
      const cached = this.cache[field];
      if (cached && sameBytes(cached.bytes, b, start, end)) return cached.value;
      const value = b.toString('utf8', start, end);
      this.cache[field] = { bytes: Buffer.from(b.subarray(start, end)), value };
      return value;
    }
    return b.toString(this.ascii ? 'latin1' : 'utf8', start, end);
  }

}
