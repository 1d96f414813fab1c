// Per-inference time of the MobileNetV2 natively (a warm blackbox container: one process, the
// weights dequantised once) and in WebAssembly (a warm wasm:0.1 container: every /run is a fresh
// instance, as wow ran them, so it dequantises the weights again), alternating run by run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntimeFactory } from '../../src/local/runtimes/index.js';
import { nativeDir, repoRoot, wasmDir } from './fixtures.js';
import { summarize, timed, type Summary } from './stats.js';

export interface InferenceFigures {
  native: Summary;
  wasm: Summary;
  ratio: number;
}

const context = { namespace: 'guest', actionName: '/guest/mobilenet', activationId: 'bench', deadline: 0, apiHost: 'http://127.0.0.1:1' };

export async function measureInference(runs: number): Promise<InferenceFigures> {
  const factory = createRuntimeFactory({ blackboxFolder: nativeDir });
  const params = JSON.parse(readFileSync(join(repoRoot, 'build', 'actions', 'mobilenet', 'chelsea.params.json'), 'utf8')) as Record<string, unknown>;
  const limits = { memoryMb: 256, timeoutMs: 60_000 };
  const native = await factory('blackbox', limits);
  const wasm = await factory('wasm:0.1', limits);
  try {
    await native.init({ name: 'mobilenet', main: 'main', code: '', binary: false, image: 'mobilenet', env: {} }, 60_000);
    await wasm.init({ name: 'mobilenet', main: 'main', code: readFileSync(join(wasmDir, 'mobilenet.wasm')).toString('base64'), binary: true, env: {} }, 60_000);
    const samples = { native: [] as number[], wasm: [] as number[] };
    for (let i = -1; i < runs; i += 1) {
      const [n, a] = await timed(() => native.run(params, context, 60_000));
      const [w, b] = await timed(() => wasm.run(params, context, 60_000));
      if (a.body.label === undefined || (b.body.result as { label?: string } | undefined)?.label !== a.body.label) {
        throw new Error(`the builds disagree: ${JSON.stringify(a.body)} vs ${JSON.stringify(b.body)}`);
      }
      if (i >= 0) samples.native.push(n), samples.wasm.push(w); // the first pair warms up
    }
    const figures = { native: summarize(samples.native), wasm: summarize(samples.wasm) };
    return { ...figures, ratio: figures.wasm.median / figures.native.median };
  } finally {
    await Promise.all([native.destroy(), wasm.destroy()]);
  }
}
