// wasm:0.1 cold starts of the no-op and of the MobileNetV2, through the ContainerFactory, against
// the floor WebAssembly.compile + instantiate of the same module in this thread; and the two ways a
// container can get its code (wasm-tiers.ts): compiled in the worker with V8's defaults, or once by
// the server with the optimizing tier. Subject and floors alternate, so machine noise hits all alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InitPayload } from '../../src/local/container.js';
import { createRuntimeFactory } from '../../src/local/runtimes/index.js';
import { capMemoryMaximum } from '../../src/local/runtimes/wasm/memory-limit.js';
import { repoRoot, wasmDir } from './fixtures.js';
import { summarize, timed, type Summary } from './stats.js';
import { serverCompiled, uniqueBytes, workerCompiles } from './wasm-tiers.js';

export interface WasmColdFigures {
  action: 'noop' | 'mobilenet';
  /** create + /init with the module already compiled (every cold start after an action's first). */
  coldStart: Summary;
  /** create + /init of bytes never seen: includes the one optimized compile. */
  firstColdStart: Summary;
  /** The first /run of a cold container (MobileNetV2: one inference). */
  firstRun: Summary;
  /** WebAssembly.compile (V8 defaults) + instantiate in this thread. */
  floor: Summary;
  ratio: number;
  /** Worker start → first answer: (a) the worker compiles with V8's defaults, (b) the server's optimized module. */
  workerCompiles: { compile: Summary; firstRun: Summary; total: Summary };
  serverCompiled: { serverCompile: Summary; firstRun: Summary; total: Summary };
}

const factory = createRuntimeFactory();
const MEMORY_MB = 256;
const context = { namespace: 'guest', actionName: '/guest/bench', activationId: 'bench', deadline: 0, apiHost: 'http://127.0.0.1:1' };
const wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<object>; instantiate(m: object, i: object): Promise<object> } }).WebAssembly;
process.removeAllListeners('warning');
const { WASI } = await import('node:wasi');

async function floor(bytes: Uint8Array): Promise<number> {
  const [ms] = await timed(async () => {
    const module = await wasm.compile(uniqueBytes(bytes));
    const wasi = new WASI({ version: 'preview1', returnOnExit: true }) as unknown as { getImportObject(): object };
    await wasm.instantiate(module, wasi.getImportObject());
  });
  return ms;
}

async function coldStart(code: Uint8Array, params: Record<string, unknown>): Promise<[number, number]> {
  const payload: InitPayload = { name: 'bench', main: 'main', code: Buffer.from(code).toString('base64'), binary: true, env: {} };
  const [create, container] = await timed(() => factory('wasm:0.1', { memoryMb: MEMORY_MB, timeoutMs: 60_000 }));
  try {
    const [init, answer] = await timed(() => container.init(payload, 60_000));
    if (answer.statusCode !== 200) throw new Error(`init failed: ${JSON.stringify(answer.body)}`);
    const [run, result] = await timed(() => container.run(params, context, 60_000));
    if ((result.body as { success?: boolean }).success !== true) throw new Error(`run failed: ${JSON.stringify(result.body)}`);
    return [create + init, run];
  } finally {
    await container.destroy();
  }
}

export async function measureWasmColdStarts(repetitions: number): Promise<WasmColdFigures[]> {
  const mobilenetParams = JSON.parse(readFileSync(join(repoRoot, 'build', 'actions', 'mobilenet', 'chelsea.params.json'), 'utf8')) as Record<string, unknown>;
  const figures: WasmColdFigures[] = [];
  for (const action of ['noop', 'mobilenet'] as const) {
    const bytes = readFileSync(join(wasmDir, `${action}.wasm`));
    const params = action === 'mobilenet' ? mobilenetParams : {};
    const stdin = JSON.stringify(params);
    const s = { cold: [] as number[], first: [] as number[], run: [] as number[], floor: [] as number[], a: [] as number[][], b: [] as number[][] };
    for (let i = -1; i < repetitions; i += 1) {
      // one warm-up round (page cache, the steady module) is not counted
      const [cold, run] = await coldStart(bytes, params);
      const [first] = await coldStart(uniqueBytes(bytes), params);
      const floorMs = await floor(bytes);
      const a = await workerCompiles(capMemoryMaximum(bytes, MEMORY_MB * 16), stdin);
      const b = await serverCompiled(capMemoryMaximum(bytes, MEMORY_MB * 16), stdin);
      if (i < 0) continue;
      s.cold.push(cold), s.run.push(run), s.first.push(first), s.floor.push(floorMs);
      s.a.push([a.compile, a.firstRun, a.total]);
      s.b.push([b.serverCompile, b.sample.firstRun, b.sample.total]);
    }
    const column = (rows: number[][], k: number): Summary => summarize(rows.map((r) => r[k]!));
    const coldSummary = summarize(s.cold);
    const floorSummary = summarize(s.floor);
    figures.push({
      action,
      coldStart: coldSummary,
      firstColdStart: summarize(s.first),
      firstRun: summarize(s.run),
      floor: floorSummary,
      ratio: coldSummary.median / floorSummary.median,
      workerCompiles: { compile: column(s.a, 0), firstRun: column(s.a, 1), total: column(s.a, 2) },
      serverCompiled: { serverCompile: column(s.b, 0), firstRun: column(s.b, 1), total: column(s.b, 2) },
    });
  }
  return figures;
}
