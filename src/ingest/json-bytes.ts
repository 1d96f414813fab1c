// Reading JSON from a file's bytes in chunks, for the fast path: a buffer that refills from the
// file (hashing every byte once), and the scalar tokens of JSON. A token cut by the end of the
// buffer throws NEED_MORE (the caller refills and retries the record); anything this reader does
// not handle throws BAIL (the caller gives the file to the general path).
import { isUtf8 } from 'node:buffer';
import { readSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { MAX_STRING } from './json-scan.js';

export class Bail {}
export const BAIL = new Bail();
export class NeedMore {}
export const NEED_MORE = new NeedMore();

/** Below 2^53 every integer is exact, so the digits summed so far are the true mantissa. */
const MAX_EXACT = 2 ** 53;
/** 10^0 .. 10^22, each exactly representable as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

export class ChunkedJsonBytes {
  protected buf: Buffer;
  protected n = 0;
  protected p = 0;
  protected eof = false;
  /** Whether the string scanString found last is ASCII (then latin1 decodes it, faster than utf8). */
  protected ascii = true;
  /** Null where another thread hashes the file (a worker reading its second half). */
  protected readonly hash: Hash | null;
  /** The file offset of buf[0]. */
  protected base: number;
  private filePos: number;

  /** Reads from byte `from` on (a worker's half starts mid-file). */
  constructor(private readonly fd: number, chunkSize: number, from = 0, hashed = true) {
    this.buf = Buffer.allocUnsafe(chunkSize);
    this.base = from;
    this.filePos = from;
    this.hash = hashed ? createHash('sha256') : null;
  }

  /** Moves the bytes from `keep` on to the front, reads more after them, and rewinds p to 0. */
  protected fill(keep: number): void {
    const rest = this.n - keep;
    if (keep === 0 && rest === this.buf.length) {
      // One record longer than the buffer: grow it.
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, rest);
      this.buf = bigger;
    } else if (rest > 0) {
      this.buf.copy(this.buf, 0, keep, this.n);
    }
    this.base += keep;
    let filled = rest;
    while (filled < this.buf.length) {
      const got = readSync(this.fd, this.buf, filled, this.buf.length - filled, this.filePos);
      if (got === 0) {
        this.eof = true;
        break;
      }
      this.filePos += got;
      this.hash?.update(this.buf.subarray(filled, filled + got));
      filled += got;
    }
    this.n = filled;
    this.p = 0;
  }

  protected eofAfterWhitespace(): boolean {
    while (!this.eof) {
      this.fill(this.n);
      this.skipWs();
      if (this.p < this.n) return false;
    }
    return true;
  }

  protected skipWs(): void {
    const b = this.buf;
    let p = this.p;
    while (p < this.n) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.p = p;
  }

  /**
   * The closing quote's offset; -1 when the string has an escape; NEED_MORE at the buffer's end.
   * Invalid UTF-8 and over-long strings go to the general path, whose messages name them.
   */
  protected scanString(start: number): number {
    const b = this.buf;
    let ascii = true;
    for (let i = start; i < this.n; i++) {
      const c = b[i];
      if (c === 0x22) {
        if (!ascii && !isUtf8(b.subarray(start, i))) throw BAIL;
        this.ascii = ascii;
        return i;
      }
      if (c === 0x5c /* \\ */) return -1;
      if (c < 0x20) throw BAIL;
      if (c >= 0x80) ascii = false;
    }
    if (this.n - start > MAX_STRING) throw BAIL;
    throw NEED_MORE;
  }

  /**
   * JSON's number grammar. A number whose digits fit in 2^53 and has at most 22 decimals is
   * mantissa / 10^k, one correctly rounded division (Clinger's fast path), so it equals what
   * JSON.parse gives; anything else is parsed by Number().
   */
  protected readNumber(): number {
    const b = this.buf;
    const start = this.p;
    let i = start;
    const negative = b[i] === 0x2d;
    if (negative) i++;
    const digitsStart = i;
    let mantissa = 0;
    while (i < this.n && b[i] >= 0x30 && b[i] <= 0x39) mantissa = mantissa * 10 + (b[i++] - 0x30);
    const digits = i - digitsStart;
    if (digits === 0 || (digits > 1 && b[digitsStart] === 0x30)) throw i >= this.n ? NEED_MORE : BAIL;
    let simple = digits <= 15;
    let decimals = 0;
    if (i < this.n && b[i] === 0x2e /* . */) {
      i++;
      const fraction = i;
      while (i < this.n && b[i] >= 0x30 && b[i] <= 0x39) mantissa = mantissa * 10 + (b[i++] - 0x30);
      decimals = i - fraction;
      if (decimals === 0) throw i >= this.n ? NEED_MORE : BAIL;
      simple = simple && decimals <= 22 && mantissa <= MAX_EXACT;
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
    if (simple) {
      const value = decimals === 0 ? mantissa : mantissa / POW10[decimals];
      return negative ? -value : value;
    }
    return Number(b.toString('latin1', start, i));
  }

  protected literal(word: string, value: boolean | null): boolean | null {
    const b = this.buf;
    for (let k = 0; k < word.length; k++) {
      if (this.p + k >= this.n) throw NEED_MORE;
      if (b[this.p + k] !== word.charCodeAt(k)) throw BAIL;
    }
    this.p += word.length;
    return value;
  }
}
