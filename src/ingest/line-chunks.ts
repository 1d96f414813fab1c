// Reading a line-oriented file (NDJSON, CSV) in chunks of whole lines: each chunk is hashed,
// checked and decoded on its own, so neither the file's bytes nor its text are ever held whole
// (for 1M NDJSON records both were 0.47 GB at once). Anything the general path would have to
// name (a byte-order mark, a NUL byte, bad UTF-8) returns null; a line longer than a chunk grows it:
// the caller then reads the file the general way, whose messages place the problem.
import { isUtf8 } from 'node:buffer';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** `each` returns false to give up (the caller's own reason to use the general path). */
export type ChunkReader = (text: string, first: boolean) => boolean;

/** The file's sha256 once every chunk was read and accepted; null to use the general path. */
export function readLineChunks(path: string, each: ChunkReader, chunkSize = 1 << 20): string | null {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    return readLineRange(fd, 0, Infinity, each, chunkSize, hash) ? hash.digest('hex') : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Bytes from..to of an open file (`to` past its end: to the end) in chunks of whole lines, each
 * given to `each`; `from` must start a line. `hash`, if given, takes every byte read. False: give up.
 */
export function readLineRange(fd: number, from: number, to: number, each: ChunkReader, chunkSize: number, hash: Hash | null): boolean {
  let buf = Buffer.allocUnsafe(chunkSize);
  let kept = 0;
  let first = from === 0;
  let position = from;
  for (;;) {
    const got = readSync(fd, buf, kept, Math.min(buf.length - kept, Math.max(0, to - position)), position);
    position += got;
    hash?.update(buf.subarray(kept, kept + got));
    const n = kept + got;
    const eof = got === 0;
    // Whole lines only: up to the last newline, or everything at the end of the range.
    const end = eof ? n : buf.lastIndexOf(0x0a, n - 1) + 1;
    if (end === 0 && n > 0) {
      // A line longer than the buffer (a record with a large result): twice the room, and read on.
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
      kept = n;
      continue;
    }
    const bytes = buf.subarray(0, end);
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return false;
    if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return false;
    if ((end > 0 || first) && !each(bytes.toString('utf8'), first)) return false;
    first = false;
    if (eof) return true;
    buf.copy(buf, 0, end, n);
    kept = n - end;
  }
}

/** Feeds bytes from..to of an open file to `hash` (the part a worker parsed, hashed here in order). */
export function hashRange(fd: number, from: number, to: number, hash: Hash): void {
  const buf = Buffer.allocUnsafe(8 << 20);
  for (let position = from; position < to;) {
    const got = readSync(fd, buf, 0, Math.min(buf.length, to - position), position);
    if (got === 0) break;
    hash.update(buf.subarray(0, got));
    position += got;
  }
}
