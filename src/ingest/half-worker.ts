// A worker that reads the second half of a large input while this thread reads the first (issue
// 16; lines-parallel.ts, flat-parallel.ts). ingestFiles is synchronous, so the answer is awaited
// on a shared flag (Atomics.wait) and taken with receiveMessageOnPort, not through the event
// loop. The worker answers with columns (their buffers transferred) or gives up; a worker that
// never answers is waited for WAIT_MS, then this thread reads the half itself.
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { StoreParts } from '../table/store.js';

export type HalfAnswer = { ok: true; parts: StoreParts } | { ok: false };

/** Longer than any worker takes on a file that fits in memory. */
const WAIT_MS = 120_000;

export interface HalfWorker {
  /** Waits for the worker's answer: its columns, or null when it gave up. */
  take(): StoreParts | null;
  stop(): void;
}

/** Starts `entry` (a file beside this one, without extension) with `task`, plus the flag and port it answers on. */
export function startHalf(entry: string, task: object): HalfWorker {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = newWorker(entry, { task, flag, port: port2 }, [port2]);
  return {
    take() {
      if (Atomics.wait(flag, 0, 0, WAIT_MS) === 'timed-out') return null;
      const answer = receiveMessageOnPort(port1)?.message as HalfAnswer | undefined;
      return answer?.ok ? answer.parts : null;
    },
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}

/** In the worker: posts the answer and raises the flag, whatever happens. */
export function answerHalf(data: { flag: Int32Array; port: MessagePort }, answer: HalfAnswer, transfer: ArrayBuffer[]): void {
  try {
    data.port.postMessage(answer, transfer);
  } finally {
    Atomics.store(data.flag, 0, 1);
    Atomics.notify(data.flag, 0);
    data.port.close();
  }
}

/** Built, the worker is the .js beside this file; from the sources (tsx, as the tests run), the .ts one. */
function newWorker(entry: string, workerData: unknown, transferList: MessagePort[]): Worker {
  const options = { workerData, transferList };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, import.meta.url), options);
  // tsx registers its loader in the main thread only: the worker registers it itself first.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = JSON.stringify(new URL(`./${entry}.ts`, import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${source}); });`, { ...options, eval: true });
}
