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
/** Past this many bytes since its last sentinel a stream keeps no more lines (the largest log limit, 10 MB). */
const BUFFER_LIMIT_BYTES = 10 * 1024 * 1024;

export class StreamLines {
  private pending = '';
  private readonly lines: Array<LogLine | 'sentinel'> = [];
  /** Sentinels in `lines`, and bytes kept since the last one: a 210,000-line log must stay linear. */
  private sentinels = 0;
  private bytes = 0;
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
    for (const text of parts) this.add(text, now);
    this.wake();
  }

  private add(text: string, time: number): void {
    if (text === ACTIVATION_LOG_SENTINEL) {
      this.lines.push('sentinel');
      this.sentinels += 1;
      this.bytes = 0;
    } else if (this.bytes <= BUFFER_LIMIT_BYTES) {
      // lines past the buffer limit are dropped; the invoker's log limit truncates below it anyway
      this.bytes += text.length + 1;
      this.lines.push({ time, stream: this.stream, text });
    }
  }

  private end(): void {
    if (this.pending !== '') this.add(this.pending, Date.now());
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
    while (this.sentinels === 0 && !this.ended && Date.now() < deadline) {
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
    const cut = this.sentinels > 0 ? this.lines.indexOf('sentinel') : -1;
    if (cut !== -1) this.sentinels -= 1;
    const taken = this.lines.splice(0, cut === -1 ? this.lines.length : cut + 1);
    return taken.filter((l): l is LogLine => l !== 'sentinel');
  }

  /** The text seen so far without consuming it (used to recognise V8's out-of-memory message). */
  peekText(): string {
    return this.lines.map((l) => (l === 'sentinel' ? '' : l.text)).join('\n') + this.pending;
  }
}
