// A worker whose one answer a synchronous caller waits for (issue 16): ingestFiles and analyze are
// synchronous, so the answer is awaited on a shared flag (Atomics.wait) and taken with
// receiveMessageOnPort, not through the event loop. The worker always raises the flag
// (answerSync), whatever happens to it; one that never answers is waited for `waitMs`, then the
// caller does the work itself. Ingest reads a file's last part this way, analyze its inference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Transferable, Worker } from 'node:worker_threads';

/** Longer than any worker takes on a table that fits in memory. */
const WAIT_MS = 120_000;

export interface SyncWorker<T> {
  /** Waits for the worker's answer; null when it never came. */
  take(): T | null;
  stop(): void;
}

/** What the worker receives besides its own data: the flag and port it answers on. */
export interface SyncChannel {
  flag: Int32Array;
  port: MessagePort;
}

/**
 * Starts `entry` (a module beside `base`, the caller's import.meta.url, named without extension)
 * with `data` and the channel it answers on. `transfer`: buffers handed over, not copied.
 */
export function startSyncWorker<T>(base: string, entry: string, data: object, transfer: readonly Transferable[] = [], waitMs = WAIT_MS): SyncWorker<T> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = newWorker(base, entry, { ...data, flag, port: port2 }, [port2, ...transfer]);
  return {
    take() {
      if (Atomics.wait(flag, 0, 0, waitMs) === 'timed-out') return null;
      return (receiveMessageOnPort(port1)?.message as T | undefined) ?? null;
    },
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}

/** In the worker: posts the answer and raises the flag, whatever happens. */
export function answerSync(channel: SyncChannel, answer: unknown, transfer: readonly Transferable[] = []): void {
  try {
    channel.port.postMessage(answer, [...transfer]);
  } finally {
    Atomics.store(channel.flag, 0, 1);
    Atomics.notify(channel.flag, 0);
    channel.port.close();
  }
}

/**
 * Built, the worker is the .js beside `base`; from the sources (tsx, as the tests run), the .ts
 * one. Either is imported by a bootstrap that raises the flag should the module fail to load or
 * throw before it answers: the caller then stops waiting at once, with no answer to take.
 */
function newWorker(base: string, entry: string, workerData: unknown, transferList: Transferable[]): Worker {
  const typescript = base.endsWith('.ts');
  const source = JSON.stringify(new URL(`./${entry}.${typescript ? 'ts' : 'js'}`, base).href);
  // tsx registers its loader in the main thread only: the worker registers it itself first.
  const loader = typescript ? `import(${JSON.stringify(tsxApi())}).then(({ register }) => register())` : 'Promise.resolve()';
  const bootstrap = `const { workerData: data } = require('node:worker_threads');
${loader}.then(() => import(${source})).catch(() => { Atomics.store(data.flag, 0, 2); Atomics.notify(data.flag, 0); });`;
  return new Worker(bootstrap, { workerData, transferList, eval: true });
}

/**
 * tsx's ESM API. Where tsx ran this file as CommonJS (as mocha may load a test), there is no
 * import.meta.resolve, and require resolves the CommonJS entry, whose register() fails in a
 * worker: the ESM entry is the "import" target of the package's "./esm/api" export.
 */
function tsxApi(): string {
  const meta = import.meta as ImportMeta & { resolve?: (specifier: string) => string };
  if (typeof meta.resolve === 'function') return meta.resolve('tsx/esm/api');
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const target = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api'].import.default;
  return pathToFileURL(path.join(path.dirname(manifest), target)).href;
}
