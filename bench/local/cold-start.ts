// Container cold start per kind (create + /init, through the ContainerFactory) against its floor:
//   nodejs:20  vs spawning `node -e 0` until it exits (NODE_EXTRA_CA_CERTS cleared)
//   blackbox   vs spawning the native no-op until it exits
//   wasm:0.1   vs WebAssembly.compile + instantiate of the same module in this thread
// Subject and floor alternate in one process tree, so machine noise hits both alike.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRuntimeFactory } from '../../src/local/runtimes/index.js';
import { cleanEnv, kinds, nativeDir, noopPayload, wasmDir, type Kind } from './fixtures.js';
import { summarize, timed, type Summary } from './stats.js';

export interface ColdStartFigures {
  kind: Kind;
  floor: string;
  create: Summary;
  init: Summary;
  coldStart: Summary;
  firstRun: Summary;
  /** A warm /run at the container (no server), median over the warm runs of each container. */
  warmRun: Summary;
  floorStart: Summary;
  ratio: number;
  /** wasm only: a bare worker start (posting one message) + compile + instantiate, the floor with a thread. */
  threadFloor?: Summary;
  threadRatio?: number;
}

const factory = createRuntimeFactory({ blackboxFolder: nativeDir });
const context = { namespace: 'guest', actionName: '/guest/noop', activationId: 'bench', deadline: 0, apiHost: 'http://127.0.0.1:1' };

function spawnUntilExit(file: string, args: string[]): Promise<number> {
  return timed(() => new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { env: cleanEnv(), stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve());
  })).then(([ms]) => ms);
}

interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<object>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// node:wasi's one-time "experimental" warning is noise in the table
process.removeAllListeners('warning');
const { WASI } = await import('node:wasi');

async function wasmFloor(bytes: Uint8Array): Promise<number> {
  const [ms] = await timed(async () => {
    const module = await wasm.compile(bytes);
    const wasi = new WASI({ version: 'preview1', returnOnExit: true }) as unknown as { getImportObject(): object };
    await wasm.instantiate(module, wasi.getImportObject());
  });
  return ms;
}

async function workerFloor(bytes: Uint8Array): Promise<number> {
  let worker: Worker | undefined;
  const [ms] = await timed(async () => {
    worker = new Worker('require("node:worker_threads").parentPort.postMessage(0)', { eval: true, execArgv: [] });
    await new Promise((resolve) => worker!.once('message', resolve));
    await wasmFloor(bytes);
  });
  await worker?.terminate();
  return ms;
}

const floors: Record<Kind, { name: string; run: () => Promise<number> }> = {
  'nodejs:20': { name: 'spawn `node -e 0`', run: () => spawnUntilExit(process.execPath, ['-e', '0']) },
  blackbox: { name: 'spawn native noop', run: () => spawnUntilExit(join(nativeDir, 'noop'), []) },
  'wasm:0.1': { name: 'WebAssembly.compile+instantiate', run: () => wasmFloor(readFileSync(join(wasmDir, 'noop.wasm'))) },
};

export async function measureColdStarts(repetitions: number): Promise<ColdStartFigures[]> {
  const figures: ColdStartFigures[] = [];
  for (const kind of kinds) {
    const samples = { create: [] as number[], init: [] as number[], cold: [] as number[], run: [] as number[], warm: [] as number[], floor: [] as number[], thread: [] as number[] };
    const wasmBytes = readFileSync(join(wasmDir, 'noop.wasm'));
    const payload = noopPayload(kind);
    for (let i = -2; i < repetitions; i += 1) {
      // two warm-up rounds (module caches, page cache) are not counted
      const [create, container] = await timed(() => factory(kind, { memoryMb: 256, timeoutMs: 60_000 }));
      const [init, answer] = await timed(() => container.init(payload, 60_000));
      if (answer.statusCode !== 200) throw new Error(`${kind} init failed: ${JSON.stringify(answer.body)}`);
      const [run] = await timed(() => container.run({}, context, 60_000));
      const warm: number[] = [];
      for (let w = 0; w < 10; w += 1) warm.push((await timed(() => container.run({}, context, 60_000)))[0]);
      await container.destroy();
      const floor = await floors[kind].run();
      const thread = kind === 'wasm:0.1' ? await workerFloor(wasmBytes) : 0;
      if (i < 0) continue;
      samples.create.push(create);
      samples.init.push(init);
      samples.cold.push(create + init);
      samples.run.push(run);
      samples.warm.push(summarize(warm).median);
      samples.floor.push(floor);
      samples.thread.push(thread);
    }
    const coldStart = summarize(samples.cold);
    const floorStart = summarize(samples.floor);
    figures.push({
      kind,
      floor: floors[kind].name,
      create: summarize(samples.create),
      init: summarize(samples.init),
      coldStart,
      firstRun: summarize(samples.run),
      warmRun: summarize(samples.warm),
      floorStart,
      ratio: coldStart.median / floorStart.median,
      ...(kind === 'wasm:0.1' ? { threadFloor: summarize(samples.thread), threadRatio: coldStart.median / summarize(samples.thread).median } : {}),
    });
  }
  return figures;
}
