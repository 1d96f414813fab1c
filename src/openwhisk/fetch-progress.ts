// Progress of a pull: a bar on a terminal (records held / records the window holds), nothing
// otherwise, so that a pipe or a log file gets the summary line alone.
import cliProgress from 'cli-progress';

export interface FetchProgress {
  start(total: number, done: number): void;
  update(done: number, total: number): void;
  stop(): void;
}

export const silentFetchProgress: FetchProgress = { start() {}, update() {}, stop() {} };

export function fetchProgressFor(stream: NodeJS.WriteStream, quiet = false): FetchProgress {
  return quiet || !stream.isTTY ? silentFetchProgress : new FetchBar(stream);
}

class FetchBar implements FetchProgress {
  private readonly bar: cliProgress.SingleBar;
  constructor(stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      { stream, format: 'fetch {bar} {value}/{total} activations | {duration}s elapsed, {eta}s left', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
  }
  start(total: number, done: number): void {
    this.bar.start(Math.max(total, done), done);
  }
  update(done: number, total: number): void {
    this.bar.setTotal(Math.max(total, done));
    this.bar.update(done);
  }
  stop(): void {
    this.bar.stop();
  }
}
