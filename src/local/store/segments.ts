// The activation store's files: numbered append-only segments of NDJSON (`000001.ndjson`, …) in
// one folder. Appends go to the newest segment with write(2) before the API answers, so a killed
// server loses nothing it acknowledged; a segment is fsynced when it is closed (policy `rotate`)
// or after every line (`always`). Past `maxBytes` in all, the oldest segments are deleted whole.
import { closeSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface SegmentOptions {
  segmentBytes: number;
  maxBytes: number;
  fsync: 'rotate' | 'always';
}

/** Where one line lives: its segment's number, byte offset and length (newline excluded). */
export interface LineRef {
  segment: number;
  offset: number;
  length: number;
}

interface Segment {
  number: number;
  size: number;
}

const NAME = /^(\d{6,})\.ndjson$/;

export class SegmentFiles {
  private readonly segments: Segment[] = [];
  /** Only the newest segment stays open (for appends); older ones are opened per read, so a
   * folder of many small segments never runs out of file descriptors. */
  private fd: number;
  /** After close() the descriptor number may belong to another file: nothing may touch it. */
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly options: SegmentOptions,
  ) {
    const numbers = readdirSync(dir)
      .map((name) => NAME.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const number of numbers) this.segments.push({ number, size: statSync(this.file(number)).size });
    if (this.segments.length === 0) this.segments.push({ number: 1, size: 0 });
    this.fd = openSync(this.file(this.segments[this.segments.length - 1]!.number), 'a+');
    this.dropTornTail();
  }

  /** Every stored line, oldest first, with its place (read once, when the store opens). */
  *lines(): Generator<{ ref: LineRef; text: string }> {
    for (const segment of this.segments) {
      const bytes = readFileSync(this.file(segment.number));
      for (let offset = 0; offset < bytes.length; ) {
        const end = bytes.indexOf(0x0a, offset);
        if (end < 0) break;
        yield { ref: { segment: segment.number, offset, length: end - offset }, text: bytes.toString('utf8', offset, end) };
        offset = end + 1;
      }
    }
  }

  /** Appends one line; returns its place and the numbers of the segments dropped to stay in bounds. */
  append(text: string): { ref: LineRef; dropped: number[] } {
    if (this.closed) throw new Error(`activation store: ${this.dir} is closed`);
    let current = this.segments[this.segments.length - 1]!;
    const bytes = Buffer.from(`${text}\n`, 'utf8');
    if (current.size > 0 && current.size + bytes.length > this.options.segmentBytes) current = this.rotate(current);
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written);
    if (this.options.fsync === 'always') fsyncSync(this.fd);
    const ref = { segment: current.number, offset: current.size, length: bytes.length - 1 };
    current.size += bytes.length;
    return { ref, dropped: this.dropOldest() };
  }

  /** The line at `ref`, or undefined when its segment was dropped. */
  read(ref: LineRef): string | undefined {
    const segment = this.segments.find((s) => s.number === ref.segment);
    if (!segment || this.closed) return undefined;
    const newest = segment === this.segments[this.segments.length - 1];
    const fd = newest ? this.fd : openSync(this.file(segment.number), 'r');
    try {
      const buffer = Buffer.alloc(ref.length);
      for (let got = 0; got < ref.length; ) {
        const n = readSync(fd, buffer, got, ref.length - got, ref.offset + got);
        if (n === 0) throw new Error(`activation store: ${this.file(ref.segment)} ends before byte ${ref.offset + ref.length}`);
        got += n;
      }
      return buffer.toString('utf8');
    } finally {
      if (!newest) closeSync(fd);
    }
  }

  totalBytes(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }

  segmentCount(): number {
    return this.segments.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.segments.splice(0);
  }

  private rotate(current: Segment): Segment {
    fsyncSync(this.fd);
    closeSync(this.fd);
    const next = { number: current.number + 1, size: 0 };
    this.fd = openSync(this.file(next.number), 'a+');
    this.segments.push(next);
    return next;
  }

  private dropOldest(): number[] {
    const dropped: number[] = [];
    while (this.segments.length > 1 && this.totalBytes() > this.options.maxBytes) {
      const oldest = this.segments.shift()!;
      unlinkSync(this.file(oldest.number));
      dropped.push(oldest.number);
    }
    return dropped;
  }

  /** A crash mid-write can leave a partial last line: cut it, so the next append starts clean. */
  private dropTornTail(): void {
    const last = this.segments[this.segments.length - 1]!;
    if (last.size === 0) return;
    const bytes = readFileSync(this.file(last.number));
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (end === bytes.length) return;
    ftruncateSync(this.fd, end);
    last.size = end;
  }

  private file(number: number): string {
    return path.join(this.dir, `${String(number).padStart(6, '0')}.ndjson`);
  }
}
