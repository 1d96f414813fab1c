// Action logs as OpenWhisk stores them: one `<ISO time> <stream>: <text>` line per line written,
// split per activation by the sentinel line the runtime writes on stdout and stderr after each call.
import type { Readable } from 'node:stream';

export const ACTIVATION_LOG_SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';

export interface LogLine {
  /** Epoch ms at which the line was read, the order used to interleave stdout and stderr. */
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** LogLine.toFormattedString: `f"$time%-30s $stream: $log"`, the time padded to 30 characters. */
export function formatLogLine(line: LogLine): string {
  return `${new Date(line.time).toISOString().padEnd(30)} ${line.stream}: ${line.text.trimEnd()}`;
}

/** Interleaves both streams by read time (stable), as the docker log file does. */
export function formatLogs(lines: LogLine[]): string[] {
  return [...lines].sort((a, b) => a.time - b.time).map(formatLogLine);
}

/** Reads one output stream of a container, line by line, and hands out the lines up to each sentinel. */
export class StreamLines {
  private pending = '';
  private readonly lines: Array<LogLine | 'sentinel'> = [];
  private waiter: (() => void) | undefined;
  private ended = false;

  constructor(readonly stream: 'stdout' | 'stderr', source: Readable) {
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => this.push(chunk));
    source.on('end', () => this.end());
    source.on('error', () => this.end());
  }

  private push(chunk: string): void {
    const now = Date.now();
    const parts = (this.pending + chunk).split('\n');
    this.pending = parts.pop() ?? '';
    for (const text of parts) this.lines.push(text === ACTIVATION_LOG_SENTINEL ? 'sentinel' : { time: now, stream: this.stream, text });
    this.wake();
  }

  private end(): void {
    if (this.pending !== '') this.lines.push({ time: Date.now(), stream: this.stream, text: this.pending });
    this.pending = '';
    this.ended = true;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /**
   * The lines written before the next sentinel; waits for the sentinel at most `graceMs` (the
   * runtime writes it before answering, so it is normally already here), then takes what arrived.
   */
  async takeActivation(graceMs: number): Promise<LogLine[]> {
    const deadline = Date.now() + graceMs;
    while (!this.lines.includes('sentinel') && !this.ended && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.takeUpToSentinel();
  }

  /** Whatever is buffered now, up to and including the first sentinel. */
  takeUpToSentinel(): LogLine[] {
    const cut = this.lines.indexOf('sentinel');
    const taken = this.lines.splice(0, cut === -1 ? this.lines.length : cut + 1);
    return taken.filter((l): l is LogLine => l !== 'sentinel');
  }

  /** The text seen so far without consuming it (used to recognise V8's out-of-memory message). */
  peekText(): string {
    return this.lines.map((l) => (l === 'sentinel' ? '' : l.text)).join('\n') + this.pending;
  }
}
