// The finished pull's file: the partial file's record lines in the order given, copied into a
// temp file beside <out> (same file system), synced, then renamed over <out>. A failure leaves
// no temp file behind and <out> as it was.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Where one record line sits in the partial file (without its newline). */
export interface LineSpan {
  offset: number;
  length: number;
}

const CHUNK = 1 << 20;

export function writeLinesAtomic(source: string, lines: readonly LineSpan[], out: string): void {
  const folder = path.dirname(path.resolve(out));
  mkdirSync(folder, { recursive: true });
  // Matches `*.tmp-*` in .gitignore, like the documents' temp files.
  const temp = path.join(folder, `.${path.basename(out)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const input = openSync(source, 'r');
  let output: number | null = null;
  try {
    output = openSync(temp, 'wx');
    let buffer = Buffer.alloc(CHUNK);
    let used = 0;
    for (const line of lines) {
      if (used + line.length + 1 > buffer.length) {
        writeSync(output, buffer, 0, used);
        used = 0;
        if (line.length + 1 > buffer.length) buffer = Buffer.alloc(line.length + 1);
      }
      readSync(input, buffer, used, line.length, line.offset);
      buffer[used + line.length] = 0x0a;
      used += line.length + 1;
    }
    writeSync(output, buffer, 0, used);
    fsyncSync(output);
    closeSync(output);
    output = null;
    renameSync(temp, out);
  } catch (error) {
    if (output !== null) closeSync(output);
    rmSync(temp, { force: true });
    throw error;
  } finally {
    closeSync(input);
  }
}
