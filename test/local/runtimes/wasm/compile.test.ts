// The wasm:0.1 compile cache: one optimized compile per module content, shared by the containers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { createContainer } from '../../../../src/local/runtimes/index.js';
import { cachedModules, compiledModule } from '../../../../src/local/runtimes/wasm/compile.js';
import { capMemoryMaximum } from '../../../../src/local/runtimes/wasm/memory-limit.js';
import { buildCActions, buildDir, runContext } from '../helpers.js';

interface WasmApi {
  Module: { imports(module: object): Array<{ module: string; name: string }> };
  instantiate(module: object, imports: object): Promise<{ exports: Record<string, unknown> }>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

// V8's own test natives tell which tier compiled a function
setFlagsFromString('--allow-natives-syntax');
const tierOf = new Function('f', 'return %IsTurboFanFunction(f) ? "turbofan" : %IsLiftoffFunction(f) ? "liftoff" : "uncompiled"') as (f: unknown) => string;

/** A module's bytes made unique by a custom section, so no earlier compile of them is reused. */
function unique(name: string, tag: string): Uint8Array {
  const bytes = readFileSync(join(buildDir, 'wasm', `${name}.wasm`));
  const label = Buffer.from(`test-${tag}-${process.pid}-${Date.now()}`);
  return Buffer.concat([bytes, Buffer.from([0, label.length + 1, label.length]), label]);
}

async function exported(module: object, name: string): Promise<unknown> {
  const imports: Record<string, Record<string, () => number>> = {};
  for (const entry of wasm.Module.imports(module)) (imports[entry.module] ??= {})[entry.name] = () => 0;
  return (await wasm.instantiate(module, imports)).exports[name];
}

describe('runtime wasm:0.1 compile cache', function () {
  this.timeout(30_000);
  before(buildCActions);

  it('compiles every function with the optimizing tier, eagerly (no Liftoff, nothing left lazy)', async () => {
    const module = await compiledModule(unique('mobilenet', 'tier'));
    assert.equal(tierOf(await exported(module, '_start')), 'turbofan');
  });

  it('keeps the optimized code when the module is posted to a worker thread (as containers get it)', async () => {
    const module = await compiledModule(unique('noop', 'posted'));
    const probe = `
      const { parentPort } = require('node:worker_threads');
      const tierOf = new Function('f', 'return %IsTurboFanFunction(f) ? "turbofan" : %IsLiftoffFunction(f) ? "liftoff" : "uncompiled"');
      parentPort.once('message', async (module) => {
        const imports = {};
        for (const e of WebAssembly.Module.imports(module)) (imports[e.module] ??= {})[e.name] = () => 0;
        const instance = await WebAssembly.instantiate(module, imports);
        parentPort.postMessage(tierOf(instance.exports._start));
      });`;
    const worker = new Worker(probe, { eval: true });
    try {
      worker.postMessage(module);
      assert.equal(await new Promise((resolve) => worker.once('message', resolve)), 'turbofan');
    } finally {
      await worker.terminate();
    }
  });

  it('leaves V8\'s defaults in place for other compiles (lazy, baseline first)', async () => {
    await compiledModule(unique('noop', 'defaults'));
    const plain = await (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<object> } }).WebAssembly.compile(unique('noop', 'plain'));
    assert.equal(tierOf(await exported(plain, '_start')), 'uncompiled');
  });

  it('compiles a content once: the same bytes give the same module, other bytes another', async () => {
    const bytes = unique('noop', 'same');
    const before = cachedModules();
    const [a, b] = await Promise.all([compiledModule(bytes), compiledModule(Uint8Array.from(bytes))]);
    assert.equal(a, b);
    assert.equal(cachedModules(), before + 1);
    const capped = await compiledModule(capMemoryMaximum(bytes, 2048));
    assert.notEqual(capped, a);
  });

  it('does not keep a module that fails to compile, and containers report it at init', async () => {
    const broken = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x01, 0x05]); // a type section that promises 5 types and holds none
    const before = cachedModules();
    await assert.rejects(compiledModule(broken), /CompileError/);
    assert.equal(cachedModules(), before);
    const container = await createContainer('wasm:0.1', { memoryMb: 128, timeoutMs: 10_000 });
    try {
      const answer = await container.init({ name: 'broken', main: 'main', code: broken.toString('base64'), binary: true, env: {} }, 5000);
      assert.equal(answer.statusCode, 502);
      assert.match(String(answer.body.error), /^Initialization has failed due to: CompileError/);
    } finally {
      await container.destroy();
    }
  });

  it('gives two containers of one action the same compiled module, each its own instance', async () => {
    const code = Buffer.from(unique('env', 'containers')).toString('base64');
    const before = cachedModules();
    const containers = await Promise.all([1, 2].map(() => createContainer('wasm:0.1', { memoryMb: 128, timeoutMs: 10_000 })));
    try {
      for (const c of containers) assert.equal((await c.init({ name: 'env', main: 'main', code, binary: true, env: {} }, 5000)).statusCode, 200);
      assert.equal(cachedModules(), before + 1);
      const answers = await Promise.all(containers.map((c, i) => c.run({ i }, runContext(`shared-${i}`), 5000)));
      assert.deepEqual(answers.map((a) => (a.body.result as { params: unknown }).params), [{ i: 0 }, { i: 1 }]);
    } finally {
      await Promise.all(containers.map((c) => c.destroy()));
    }
  });
});
