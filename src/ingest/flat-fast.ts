// The fast path for the largest inputs: a JSON array of flat records scanned straight from the
// file's bytes in chunks, filling one reused scratch record that flatRow() validates and turns
// into a row. No 200 MB string and no million intermediate objects (JSON.parse needed ~6 s and
// 0.9 GB for 1M records here). It gives exactly what the general path gives, or bails out (returns
// null, leaving nothing behind) on anything else: other shapes, nesting, escapes it cannot trust,
// syntax errors — the general path then reads the file and names the problem.
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import type { Activation } from '../types.js';
import { flatRow, looksFlatBy } from './flat.js';
import { rejectRecord, type FileContext } from './problem.js';

/** The fields flatRow reads; anything else in a record is scanned for syntax and ignored. */
const FIELDS = [
  'run', 'activationId', 'kind', 'runtime', 'memory', 'concurrency', 'initTime', 'duration', 'waitTime',
  'confidence', 'label', 'status', 'action', 'repetition', 'start', 'end', 'client_ms',
] as const;
/** Fields whose few distinct values repeat on every row: one string each, not a million. */
const REPEATING = new Set<string>(['kind', 'runtime', 'label', 'status', 'action']);

class Bail {}
const BAIL = new Bail();
class NeedMore {}
const NEED_MORE = new NeedMore();

const keyBytes = FIELDS.map((name) => Buffer.from(name, 'latin1'));
const fieldByHash = new Map<number, number>();
FIELDS.forEach((name, i) => fieldByHash.set(hashOf(keyBytes[i], 0, keyBytes[i].length), i));

function hashOf(b: Uint8Array, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + b[i]) | 0;
  return h;
}

function sameBytes(cached: Buffer, b: Buffer, start: number, end: number): boolean {
  if (cached.length !== end - start) return false;
  for (let k = 0; k < cached.length; k++) if (cached[k] !== b[start + k]) return false;
  return true;
}

export interface FastResult {
  rows: Activation[];
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

type Scratch = Record<(typeof FIELDS)[number], unknown>;

// Named stores, not scratch[FIELDS[i]]: one shape, monomorphic, a million times.
function newScratch(): Scratch {
  const s = {} as Scratch;
  resetScratch(s);
  return s;
}

function resetScratch(s: Scratch): void {
  s.run = undefined; s.activationId = undefined; s.kind = undefined; s.runtime = undefined; s.memory = undefined;
  s.concurrency = undefined; s.initTime = undefined; s.duration = undefined; s.waitTime = undefined;
  s.confidence = undefined; s.label = undefined; s.status = undefined; s.action = undefined;
  s.repetition = undefined; s.start = undefined; s.end = undefined; s.client_ms = undefined;
}

function store(s: Scratch, field: number, value: unknown): void {
  switch (field) {
    case 0: s.run = value; break;
    case 1: s.activationId = value; break;
    case 2: s.kind = value; break;
    case 3: s.runtime = value; break;
    case 4: s.memory = value; break;
    case 5: s.concurrency = value; break;
    case 6: s.initTime = value; break;
    case 7: s.duration = value; break;
    case 8: s.waitTime = value; break;
    case 9: s.confidence = value; break;
    case 10: s.label = value; break;
    case 11: s.status = value; break;
    case 12: s.action = value; break;
    case 13: s.repetition = value; break;
    case 14: s.start = value; break;
    case 15: s.end = value; break;
    case 16: s.client_ms = value; break;
  }
}

class FlatScanner {
  private buf: Buffer;
  private n = 0;
  private p = 0;
  private eof = false;
  private readonly hash: Hash = createHash('sha256');
  private readonly scratch: Scratch = newScratch();
  private readonly cache: Array<{ bytes: Buffer; value: string } | undefined> = FIELDS.map(() => undefined);
  private readonly rows: Activation[] = [];
  private readonly warnings: string[] = [];
  private firstError: unknown = null;

  constructor(private readonly fd: number, private readonly ctx: FileContext, chunkSize: number) {
    this.buf = Buffer.allocUnsafe(chunkSize);
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

  /** Moves the bytes from `keep` on to the front, reads more after them, and rewinds p to 0. */
  private fill(keep: number): void {
    const rest = this.n - keep;
    if (keep === 0 && rest === this.buf.length) {
      // One record longer than the buffer: grow it.
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, rest);
      this.buf = bigger;
    } else if (rest > 0) {
      this.buf.copy(this.buf, 0, keep, this.n);
    }
    let filled = rest;
    while (filled < this.buf.length) {
      const got = readSync(this.fd, this.buf, filled, this.buf.length - filled, null);
      if (got === 0) {
        this.eof = true;
        break;
      }
      this.hash.update(this.buf.subarray(filled, filled + got));
      filled += got;
    }
    this.n = filled;
    this.p = 0;
  }

  private eofAfterWhitespace(): boolean {
    while (!this.eof) {
      this.fill(this.n);
      this.skipWs();
      if (this.p < this.n) return false;
    }
    return true;
  }

  private skipWs(): void {
    const b = this.buf;
    let p = this.p;
    while (p < this.n) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.p = p;
  }

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
    for (;;) {
      this.skipWs();
      if (this.p >= this.n) throw NEED_MORE;
      if (b[this.p] !== 0x22) throw BAIL;
      const keyStart = this.p + 1;
      const keyEnd = this.scanString(keyStart);
      if (keyEnd < 0) throw BAIL; // escapes in a key: leave it to JSON.parse
      this.p = keyEnd + 1;
      const field = this.fieldOf(keyStart, keyEnd);
      if (first && field < 0) this.otherKeys.add(b.toString('latin1', keyStart, keyEnd));
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

  private fieldOf(start: number, end: number): number {
    const i = fieldByHash.get(hashOf(this.buf, start, end));
    if (i === undefined) return -1;
    const key = keyBytes[i];
    if (key.length !== end - start) return -1;
    for (let k = 0; k < key.length; k++) if (key[k] !== this.buf[start + k]) return -1;
    return i;
  }

  /** The closing quote's offset; -1 when the string has an escape; NEED_MORE at the buffer's end. */
  private scanString(start: number): number {
    const b = this.buf;
    for (let i = start; i < this.n; i++) {
      const c = b[i];
      if (c === 0x22) return i;
      if (c === 0x5c /* \\ */) return -1;
      if (c < 0x20) throw BAIL;
    }
    throw NEED_MORE;
  }

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
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i] >= 0x80) { ascii = false; break; }
    return b.toString(ascii ? 'latin1' : 'utf8', start, end);
  }

  /** JSON's number grammar; integers of up to 15 digits are summed directly, the rest parsed by Number. */
  private readNumber(): number {
    const b = this.buf;
    const start = this.p;
    let i = start;
    const negative = b[i] === 0x2d;
    if (negative) i++;
    const digitsStart = i;
    let value = 0;
    while (i < this.n && b[i] >= 0x30 && b[i] <= 0x39) value = value * 10 + (b[i++] - 0x30);
    const digits = i - digitsStart;
    if (digits === 0 || (digits > 1 && b[digitsStart] === 0x30)) throw i >= this.n ? NEED_MORE : BAIL;
    let simple = digits <= 15;
    if (i < this.n && b[i] === 0x2e /* . */) {
      simple = false;
      i++;
      const fraction = i;
      while (i < this.n && b[i] >= 0x30 && b[i] <= 0x39) i++;
      if (i === fraction) throw i >= this.n ? NEED_MORE : BAIL;
    }
    if (i < this.n && (b[i] === 0x65 || b[i] === 0x45) /* e E */) {
      simple = false;
      i++;
      if (i < this.n && (b[i] === 0x2b || b[i] === 0x2d)) i++;
      const exponent = i;
      while (i < this.n && b[i] >= 0x30 && b[i] <= 0x39) i++;
      if (i === exponent) throw i >= this.n ? NEED_MORE : BAIL;
    }
    if (i >= this.n) throw NEED_MORE; // the number may go on in the next chunk
    this.p = i;
    if (simple) return negative ? -value : value;
    return Number(b.toString('latin1', start, i));
  }

  private literal(word: string, value: boolean | null): boolean | null {
    const b = this.buf;
    for (let k = 0; k < word.length; k++) {
      if (this.p + k >= this.n) throw NEED_MORE;
      if (b[this.p + k] !== word.charCodeAt(k)) throw BAIL;
    }
    this.p += word.length;
    return value;
  }
}
