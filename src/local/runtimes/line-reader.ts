// Reads newline-terminated messages from a stream one at a time (the action loop's fd 3).
import type { Readable } from 'node:stream';

export class LineReader {
  private pending = '';
  private readonly lines: string[] = [];
  private waiter: ((line: string | undefined) => void) | undefined;
  private ended = false;

  constructor(source: Readable) {
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      const parts = (this.pending + chunk).split('\n');
      this.pending = parts.pop() ?? '';
      this.lines.push(...parts);
      this.deliver();
    });
    const end = (): void => {
      this.ended = true;
      this.deliver();
    };
    source.on('end', end);
    source.on('error', end);
  }

  /** The next line, or undefined once the stream has ended. */
  next(): Promise<string | undefined> {
    if (this.lines.length > 0 || this.ended) return Promise.resolve(this.lines.shift());
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private deliver(): void {
    if (!this.waiter || (this.lines.length === 0 && !this.ended)) return;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter(this.lines.shift());
  }
}
