// Reading a line-oriented file (NDJSON, CSV) in chunks of whole lines: each chunk is hashed,
// checked and decoded on its own, so neither the file's bytes nor its text are ever held whole
// (for 1M NDJSON records both were 0.47 GB at once). Anything the general path would have to
// name (a byte-order mark, a NUL byte, bad UTF-8, a line longer than a chunk) returns null:
// the caller then reads the file the general way, whose messages place the problem.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** `each` returns false to give up (the caller's own reason to use the general path). */
export type ChunkReader = (text: string, first: boolean) => boolean;

/** The file's sha256 once every chunk was read and accepted; null to use the general path. */
export function readLineChunks(path: string, each: ChunkReader, chunkSize = 8 << 20): string | null {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(chunkSize);
    let kept = 0;
    let first = true;
    for (;;) {
      const got = readSync(fd, buf, kept, buf.length - kept, null);
      hash.update(buf.subarray(kept, kept + got));
      const n = kept + got;
      const eof = got === 0;
      // Whole lines only: up to the last newline, or everything at the end of the file.
      const end = eof ? n : buf.lastIndexOf(0x0a, n - 1) + 1;
      if (end === 0 && n > 0) return null; // a line longer than the chunk
      const bytes = buf.subarray(0, end);
      if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
      if (bytes.indexOf(0) !== -1 || !isUtf8(bytes)) return null;
      if ((end > 0 || first) && !each(bytes.toString('utf8'), first)) return null;
      first = false;
      if (eof) return hash.digest('hex');
      buf.copy(buf, 0, end, n);
      kept = n - end;
    }
  } finally {
    closeSync(fd);
  }
}
