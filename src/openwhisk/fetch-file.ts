// The unfinished pull: `<out>.partial`, a header line naming the pull (host, namespace, window;
// never the key) and then each fetched record once, a page per write, each write on disk before
// the next page is asked for. An interrupted pull resumes from it (a torn last line is dropped);
// a finished one becomes <out>, sorted by start, through a temp file and a rename, so <out> is
// never half-written.
import { createReadStream, rmSync } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { InputError } from '../errors.js';
import { fetchMessages as msg } from './fetch-messages.js';
import { writeLinesAtomic } from './fetch-output.js';
import type { Listed } from './fetch-walk.js';

export interface FetchHeader {
  type: 'fetch';
  version: 1;
  apihost: string;
  namespace: string;
  name: string | null;
  since: number | null;
  upto: number;
  limit: number | null;
  started: string;
}

export const PARTIAL_SUFFIX = '.partial';

export function partialPathFor(out: string): string {
  return `${out}${PARTIAL_SUFFIX}`;
}

export class PartialFile {
  private readonly seen = new Set<string>();
  private readonly ids: string[] = [];
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private oldest = Infinity;
  /** A resumed file still to be cut back to its whole lines (and given a last newline). */
  private repair: { newline: boolean } | null = null;

  private constructor(private handle: FileHandle, readonly file: string, readonly header: FetchHeader, private bytes: number) {}

  /** A new pull: never overwrites a file (an earlier interrupted pull is the caller's to resume). */
  static async create(file: string, header: FetchHeader): Promise<PartialFile> {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const handle = await open(file, 'wx');
    const partial = new PartialFile(handle, file, header, 0);
    await partial.write(JSON.stringify(header) + '\n');
    return partial;
  }

  /** Reads an interrupted pull back; problems name the file and the line. */
  static async resume(file: string): Promise<PartialFile> {
    let handle: FileHandle;
    try {
      handle = await open(file, 'r+');
    } catch {
      throw new InputError(file, null, msg.resumeUnreadable);
    }
    try {
      return await PartialFile.read(handle, file);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  private static async read(handle: FileHandle, file: string): Promise<PartialFile> {
    const size = (await handle.stat()).size;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let partial: PartialFile | null = null;
    let offset = 0;
    let lineNumber = 0;
    let needsNewline = false;
    for await (const line of lines) {
      lineNumber += 1;
      const length = Buffer.byteLength(line);
      const whole = offset + length < size; // a newline follows
      const value = parseLine(line);
      // Killed mid-write: the torn line is dropped and its page is fetched again.
      if (!whole && (lineNumber === 1 ? !isHeader(value) : !isListed(value))) break;
      if (lineNumber === 1) {
        if (!isHeader(value)) throw new InputError(file, 'line 1', msg.resumeBadHeader);
        partial = new PartialFile(handle, file, value, 0);
      } else if (line.trim()) {
        if (!isListed(value)) throw new InputError(file, `line ${lineNumber}`, msg.resumeBadLine);
        if (partial!.seen.has(value.activationId)) throw new InputError(file, `line ${lineNumber}`, msg.resumeDuplicate(value.activationId));
        partial!.remember(value, offset, length);
      }
      offset += length + (whole ? 1 : 0);
      needsNewline = !whole;
    }
    if (!partial) throw new InputError(file, null, msg.resumeBadHeader);
    // Repaired on the first write, so that a resume that fails before it changes nothing.
    partial.bytes = offset;
    partial.repair = { newline: needsNewline };
    return partial;
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** The oldest `start` held, where a resumed walk goes on (inclusive), or null. */
  oldestStart(): number | null {
    return this.starts.length ? this.oldest : null;
  }

  /** How many records have `start >= lower`. */
  countFrom(lower: number): number {
    let count = 0;
    for (const start of this.starts) if (start >= lower) count += 1;
    return count;
  }

  /** Appends records not held yet, in one write on disk; returns how many were new. */
  async append(records: readonly Listed[]): Promise<number> {
    await this.prepare();
    let text = '';
    let added = 0;
    for (const record of records) {
      if (this.seen.has(record.activationId)) continue;
      const line = JSON.stringify(record);
      this.remember(record, this.bytes + Buffer.byteLength(text), Buffer.byteLength(line));
      text += line + '\n';
      added += 1;
    }
    if (added) await this.write(text);
    return added;
  }

  /** Writes <out> (records by start, then id) atomically and removes the partial file. */
  async finish(out: string): Promise<void> {
    await this.handle.close();
    const order = this.ids.map((_, index) => index).sort((a, b) => this.starts[a]! - this.starts[b]! || (this.ids[a]! < this.ids[b]! ? -1 : 1));
    writeLinesAtomic(this.file, order.map((index) => ({ offset: this.offsets[index]!, length: this.lengths[index]! })), out);
    rmSync(this.file, { force: true });
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private remember(record: Listed, offset: number, length: number): void {
    this.seen.add(record.activationId);
    this.ids.push(record.activationId);
    this.starts.push(record.start);
    this.offsets.push(offset);
    this.lengths.push(length);
    this.oldest = Math.min(this.oldest, record.start);
  }

  private async prepare(): Promise<void> {
    if (!this.repair) return;
    const { newline } = this.repair;
    this.repair = null;
    await this.handle.truncate(this.bytes);
    if (newline) await this.write('\n');
  }

  private async write(text: string): Promise<void> {
    const { bytesWritten } = await this.handle.write(text, this.bytes);
    await this.handle.sync();
    this.bytes += bytesWritten;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

function isHeader(value: unknown): value is FetchHeader {
  const header = value as Partial<FetchHeader> | null;
  return typeof header === 'object' && header !== null && header.type === 'fetch' && header.version === 1 &&
    typeof header.apihost === 'string' && typeof header.upto === 'number';
}

function isListed(value: unknown): value is Listed {
  const record = value as Partial<Listed> | null;
  return typeof record === 'object' && record !== null && typeof record.activationId === 'string' && typeof record.start === 'number';
}
