// The two ways a wasm:0.1 container can get its code, measured in a bare worker thread with the
// same WASI start as the runtime: (a) the worker compiles the bytes itself with V8's defaults
// (lazy Liftoff, tier-up later: what the runtime did before), (b) it receives the module the
// server compiled once with the optimizing tier (what it does now). Each sample uses bytes made
// unique by a custom section, so V8's per-process module cache never answers for (a).
import { Worker } from 'node:worker_threads';
import { compiledModule } from '../../src/local/runtimes/wasm/compile.js';
import { timed } from './stats.js';

export interface TierSample {
  /** Worker start until it is ready. */
  start: number;
  /** Compile inside the worker (a) or 0 (b: the module arrives compiled). */
  compile: number;
  instantiate: number;
  /** The action's first run (for the MobileNetV2: decode, one inference). */
  firstRun: number;
  /** Worker creation until the first answer. */
  total: number;
}

// A plain-JS worker: compiles when given bytes, instantiates, runs the WASI command once with stdin.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { WASI } = require('node:wasi');
const { openSync } = require('node:fs');
process.removeAllListeners('warning');
const devNull = openSync('/dev/null', 'r+');
parentPort.on('message', async ({ bytes, module, stdin }) => {
  const t0 = performance.now();
  const compiled = module ?? await WebAssembly.compile(bytes);
  const t1 = performance.now();
  const wasi = new WASI({ version: 'preview1', args: ['bench'], env: {}, stdin: devNull, stdout: devNull, stderr: devNull, returnOnExit: true });
  const base = wasi.getImportObject().wasi_snapshot_preview1;
  let instance, readAt = 0;
  const input = Buffer.from(stdin);
  const spans = (view, iovs, count) => Array.from({ length: count }, (_, i) => [view.getUint32(iovs + i * 8, true), view.getUint32(iovs + i * 8 + 4, true)]);
  const imports = { wasi_snapshot_preview1: { ...base,
    fd_read(fd, iovs, count, read) {
      const view = new DataView(instance.exports.memory.buffer);
      let total = 0;
      for (const [at, len] of spans(view, iovs, count)) {
        const piece = input.subarray(readAt, readAt + len);
        new Uint8Array(instance.exports.memory.buffer, at, piece.length).set(piece);
        readAt += piece.length; total += piece.length;
      }
      view.setUint32(read, total, true);
      return 0;
    },
    fd_write(fd, iovs, count, written) {
      const view = new DataView(instance.exports.memory.buffer);
      view.setUint32(written, spans(view, iovs, count).reduce((n, [, len]) => n + len, 0), true);
      return 0;
    } } };
  instance = await WebAssembly.instantiate(compiled, imports);
  const t2 = performance.now();
  const exitCode = wasi.start(instance);
  parentPort.postMessage({ compile: t1 - t0, instantiate: t2 - t1, firstRun: performance.now() - t2, exitCode });
});
parentPort.postMessage('ready');
`;

let nonce = 0;
/** The module's bytes with a unique custom section appended (a valid module, other wire bytes). */
export function uniqueBytes(bytes: Uint8Array): Uint8Array {
  nonce += 1;
  const label = Buffer.from(`bench-${process.pid}-${nonce}`);
  return Buffer.concat([bytes, Buffer.from([0, label.length + 1, label.length]), label]);
}

async function inWorker(message: { bytes?: Uint8Array; module?: object; stdin: string }): Promise<TierSample> {
  const began = performance.now();
  const worker = new Worker(workerSource, { eval: true, execArgv: [], env: {} });
  try {
    await new Promise((resolve) => worker.once('message', resolve));
    const start = performance.now() - began;
    worker.postMessage(message);
    const reply = (await new Promise((resolve) => worker.once('message', resolve))) as Omit<TierSample, 'start' | 'total'> & { exitCode: number };
    if (reply.exitCode !== 0) throw new Error(`bench module exited with ${reply.exitCode}`);
    return { start, compile: reply.compile, instantiate: reply.instantiate, firstRun: reply.firstRun, total: performance.now() - began };
  } finally {
    await worker.terminate();
  }
}

/** (a) the worker compiles fresh bytes with V8's default tiers. */
export function workerCompiles(bytes: Uint8Array, stdin: string): Promise<TierSample> {
  return inWorker({ bytes: uniqueBytes(bytes), stdin });
}

/** (b) the server compiles once (optimizing tier); returns the one-time compile time and the worker sample. */
export async function serverCompiled(bytes: Uint8Array, stdin: string): Promise<{ serverCompile: number; sample: TierSample }> {
  const [serverCompile, module] = await timed(() => compiledModule(uniqueBytes(bytes)));
  return { serverCompile, sample: await inWorker({ module, stdin }) };
}
