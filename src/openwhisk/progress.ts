// Progress while a run goes: a bar per level on a terminal (done/planned, throttled, errors,
// elapsed, remaining), a plain line per batch otherwise, nothing with --quiet. Written to stderr
// so stdout stays for results.
import cliProgress from 'cli-progress';
import type { TrialLine } from './runlog.js';

export interface Progress {
  levelStart(label: string, planned: number): void;
  answered(line: TrialLine): void;
  levelEnd(): void;
  say(message: string): void;
}

export function progressFor(stream: NodeJS.WriteStream, quiet: boolean): Progress {
  if (quiet) return silentProgress;
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream);
}

export const silentProgress: Progress = { levelStart() {}, answered() {}, levelEnd() {}, say() {} };

class Counts {
  done = 0;
  throttled = 0;
  errors = 0;
  started = Date.now();
  constructor(readonly label: string, readonly planned: number) {}
  count(line: TrialLine): void {
    this.done += 1;
    if (line.outcome === 'throttled' || line.retries > 0) this.throttled += 1;
    if (line.outcome !== 'ok' && line.outcome !== 'throttled') this.errors += 1;
  }
  elapsedS(): number {
    return (Date.now() - this.started) / 1000;
  }
  remainingS(): number {
    return this.done ? (this.elapsedS() / this.done) * (this.planned - this.done) : NaN;
  }
}

class LineProgress implements Progress {
  private counts: Counts | null = null;
  private lastWrite = 0;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  levelStart(label: string, planned: number): void {
    this.counts = new Counts(label, planned);
  }
  answered(line: TrialLine): void {
    this.counts?.count(line);
    // At most a line a second, plus the last one of the level.
    if (this.counts && (Date.now() - this.lastWrite >= 1000 || this.counts.done === this.counts.planned)) this.write();
  }
  levelEnd(): void {
    this.counts = null;
  }
  say(message: string): void {
    this.stream.write(`${message}\n`);
  }
  private write(): void {
    const c = this.counts!;
    this.lastWrite = Date.now();
    const remaining = Number.isFinite(c.remainingS()) ? `, ~${c.remainingS().toFixed(0)} s left` : '';
    this.stream.write(`${c.label}: ${c.done}/${c.planned} trials, ${c.throttled} throttled, ${c.errors} errors, ${c.elapsedS().toFixed(1)} s${remaining}\n`);
  }
}

class BarProgress implements Progress {
  private counts: Counts | null = null;
  private bar: cliProgress.SingleBar | null = null;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  levelStart(label: string, planned: number): void {
    this.counts = new Counts(label, planned);
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `${label.padEnd(14)} {bar} {value}/{total} | throttled {throttled} | errors {errors} | {duration}s elapsed, {eta}s left`,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(planned, 0, { throttled: 0, errors: 0 });
  }
  answered(line: TrialLine): void {
    if (!this.counts || !this.bar) return;
    this.counts.count(line);
    this.bar.update(this.counts.done, { throttled: this.counts.throttled, errors: this.counts.errors });
  }
  levelEnd(): void {
    this.bar?.stop();
    this.bar = null;
    this.counts = null;
  }
  say(message: string): void {
    this.stream.write(`${message}\n`);
  }
}
