// A worker that reads the last part of a large input while this thread reads the first (issue
// 16; lines-parallel.ts, flat-parallel.ts), waited for synchronously (src/table/threads.ts). It
// answers with columns (their buffers transferred) or gives up; a worker that never answers is
// waited for a while, then this thread reads that part itself.
import type { StoreParts } from '../table/store.js';
import { answerSync, startSyncWorker, type SyncChannel } from '../table/threads.js';

export type HalfAnswer = { ok: true; parts: StoreParts } | { ok: false };

export interface HalfWorker {
  /** Waits for the worker's answer: its columns, or null when it gave up. */
  take(): StoreParts | null;
  stop(): void;
}

/** Starts `entry` (a file beside this one, without extension) with `task`. */
export function startHalf(entry: string, task: object): HalfWorker {
  const worker = startSyncWorker<HalfAnswer>(import.meta.url, entry, { task });
  return {
    take() {
      const answer = worker.take();
      return answer?.ok ? answer.parts : null;
    },
    stop: () => worker.stop(),
  };
}

/** In the worker: posts the answer and raises the flag, whatever happens. */
export function answerHalf(channel: SyncChannel, answer: HalfAnswer, transfer: ArrayBuffer[]): void {
  answerSync(channel, answer, transfer);
}
