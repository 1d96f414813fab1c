// The activation-id column as UTF-8 bytes in one buffer (issue 16): a million id strings were
// ~48 MB of heap that every collection copied or walked, and a worker's half of them was copied
// again to be handed over. Here the ids are ~36 MB outside the heap, handed over without a copy,
// compared and hashed as bytes (dropDuplicates), and a string is made only for whoever asks.
// An id UTF-8 cannot carry (a lone surrogate, from a JSON escape) is kept as the string itself.
import { int32s, sharedBytes, transferable, uint8s } from './shared.js';

/** String.prototype.isWellFormed (ES2024, in Node 20), not yet in the ES2022 lib's types. */
const isWellFormed = (id: string): boolean => (id as string & { isWellFormed(): boolean }).isWellFormed();

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixed(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

/** MurmurHash3 x86_32 (seed 0) of bytes[start, end). */
function murmur(bytes: Uint8Array, start: number, end: number): number {
  let h = 0;
  let k = start;
  for (; k + 4 <= end; k += 4) {
    h ^= mixed(bytes[k] | (bytes[k + 1] << 8) | (bytes[k + 2] << 16) | (bytes[k + 3] << 24));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let tail = 0;
  for (let shift = 0; k < end; k++, shift += 8) tail |= bytes[k] << shift;
  if ((end - start) & 3) h ^= mixed(tail);
  h ^= end - start;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Bytes for `count` ids of the usual 32 hex digits, to start with. */
const BYTES_PER_ID = 32;

export interface IdParts {
  length: number;
  bytes: Uint8Array;
  ends: Int32Array;
  present: Uint8Array;
  odd: Array<[number, string]>;
}

export class IdColumn {
  length = 0;
  /** Row i's id is bytes[ends[i − 1] .. ends[i]) (from 0 for row 0). */
  private bytes: Buffer;
  private ends: Int32Array;
  /** 1 where the row has an id (null ids take no bytes). */
  private present: Uint8Array;
  /** Ids that are not well-formed UTF-16, by row: kept as given. */
  private odd = new Map<number, string>();

  constructor(capacity = 1024) {
    const rows = Math.max(16, capacity);
    // Its own shared memory, never Buffer's pool: another thread is given it whole.
    this.bytes = sharedBytes(rows * BYTES_PER_ID);
    this.ends = int32s(rows);
    this.present = uint8s(rows);
  }

  private get used(): number {
    return this.length === 0 ? 0 : this.ends[this.length - 1];
  }

  push(id: string | null): void {
    const at = this.used;
    const i = this.open();
    if (id === null) {
      this.ends[i] = at;
      return;
    }
    this.present[i] = 1;
    if (!isWellFormed(id)) {
      this.odd.set(i, id);
      this.ends[i] = at;
      return;
    }
    this.room(at, id.length * 3);
    this.ends[i] = at + this.bytes.write(id, at, 'utf8');
  }

  /** An id given as the UTF-8 bytes start..end of `source` (the flat reader's, never decoded). */
  pushBytes(source: Uint8Array, start: number, end: number): void {
    const at = this.used;
    const i = this.open();
    this.present[i] = 1;
    this.room(at, end - start);
    // Byte by byte: a subarray() per id (a Buffer object each) cost more than the copy.
    const bytes = this.bytes;
    for (let k = start; k < end; k++) bytes[at + k - start] = source[k];
    this.ends[i] = at + end - start;
  }

  /**
   * An id given as text[start, end) (the CSV reader's), never sliced: ASCII, as ids are, copied as
   * its bytes; anything else through push(). Slicing and encoding a million ids cost ~20% of
   * reading a 1M-row CSV.
   */
  pushText(text: string, start: number, end: number): void {
    const at = this.used;
    this.room(at, end - start);
    const bytes = this.bytes;
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0x80) {
        this.push(text.slice(start, end));
        return;
      }
      bytes[at + k - start] = code;
    }
    const i = this.open();
    this.present[i] = 1;
    this.ends[i] = at + end - start;
  }

  at(i: number): string | null {
    if (this.present[i] === 0) return null;
    const odd = this.odd.size === 0 ? undefined : this.odd.get(i);
    if (odd !== undefined) return odd;
    return this.bytes.toString('utf8', i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  has(i: number): boolean {
    return this.present[i] === 1;
  }

  /** Whether rows i and j have the same id (both present). */
  same(i: number, j: number): boolean {
    if (this.odd.size > 0 && (this.odd.has(i) || this.odd.has(j))) return this.at(i) === this.at(j);
    const a = i === 0 ? 0 : this.ends[i - 1];
    const b = j === 0 ? 0 : this.ends[j - 1];
    const n = this.ends[i] - a;
    if (this.ends[j] - b !== n) return false;
    const bytes = this.bytes;
    for (let k = 0; k < n; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }

  /** A hash of row i's id: MurmurHash3 (x86, 32-bit) of its bytes, four at a step. */
  hash(i: number): number {
    const odd = this.odd.size === 0 ? undefined : this.odd.get(i);
    if (odd !== undefined) return murmur(Buffer.from(odd, 'utf16le'), 0, odd.length * 2);
    return murmur(this.bytes, i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** The ids of the rows at `indices`, in that order. */
  select(indices: Int32Array): IdColumn {
    const out = new IdColumn(indices.length);
    for (let j = 0; j < indices.length; j++) out.copyRow(this, indices[j]);
    return out;
  }

  /** Keeps the rows whose `keep` is set, in order. */
  compact(keep: Uint8Array): void {
    const kept = new IdColumn(this.length);
    for (let i = 0; i < this.length; i++) if (keep[i] === 1) kept.copyRow(this, i);
    this.adopt(kept);
  }

  append(other: IdColumn): void {
    const at = this.used;
    this.room(at, other.used);
    this.bytes.set(other.bytes.subarray(0, other.used), at);
    for (let j = 0; j < other.length; j++) {
      const i = this.open();
      this.ends[i] = at + other.ends[j];
      this.present[i] = other.present[j];
    }
    const offset = this.length - other.length;
    for (const [row, id] of other.odd) this.odd.set(offset + row, id);
  }

  toParts(): IdParts {
    return { length: this.length, bytes: this.bytes, ends: this.ends, present: this.present, odd: [...this.odd] };
  }

  static fromParts(parts: IdParts): IdColumn {
    const column = new IdColumn(0);
    column.length = parts.length;
    column.bytes = Buffer.from(parts.bytes.buffer, parts.bytes.byteOffset, parts.bytes.byteLength);
    column.ends = parts.ends;
    column.present = parts.present;
    column.odd = new Map(parts.odd);
    return column;
  }

  static transferList(parts: IdParts): ArrayBuffer[] {
    return transferable([parts.bytes.buffer, parts.ends.buffer, parts.present.buffer]);
  }

  private copyRow(from: IdColumn, i: number): void {
    if (!from.present[i]) return this.push(null);
    const odd = from.odd.size === 0 ? undefined : from.odd.get(i);
    if (odd !== undefined) return this.push(odd);
    this.pushBytes(from.bytes, i === 0 ? 0 : from.ends[i - 1], from.ends[i]);
  }

  private adopt(other: IdColumn): void {
    this.length = other.length;
    this.bytes = other.bytes;
    this.ends = other.ends;
    this.present = other.present;
    this.odd = other.odd;
  }

  /** Room for `rows` ids of `bytes` bytes in all (ActivationStore.reserve); growth is by a quarter after. */
  reserve(rows: number, bytes: number): void {
    this.reserved = true;
    if (rows > this.ends.length) this.growRows(rows);
    if (bytes > this.bytes.length) this.growBytes(bytes);
  }

  private reserved = false;

  private grown(size: number): number {
    return this.reserved ? Math.ceil(size * 1.25) : size * 2;
  }

  /** Row index for a new id, the row arrays grown as needed. */
  private open(): number {
    if (this.length === this.ends.length) this.growRows(this.grown(this.ends.length));
    return this.length++;
  }

  private growRows(rows: number): void {
    const ends = int32s(rows);
    ends.set(this.ends.subarray(0, Math.min(this.ends.length, rows)));
    this.ends = ends;
    const present = uint8s(rows);
    present.set(this.present.subarray(0, Math.min(this.present.length, rows)));
    this.present = present;
  }

  /** Room for `extra` more bytes after `at`. */
  private room(at: number, extra: number): void {
    if (at + extra <= this.bytes.length) return;
    let size = this.grown(this.bytes.length);
    while (size < at + extra) size = this.grown(size);
    this.growBytes(size, at);
  }

  private growBytes(size: number, used = this.used): void {
    const bytes = sharedBytes(size);
    this.bytes.copy(bytes, 0, 0, used);
    this.bytes = bytes;
  }

  /** Bytes the ids take so far (readers estimate a file's from them). */
  get byteLength(): number {
    return this.used;
  }
}
