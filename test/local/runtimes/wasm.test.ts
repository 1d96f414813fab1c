// wasm:0.1 through the Container seam: WASI modules (built from data/actions/c) in worker threads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, InitPayload } from '../../../src/local/container.js';
import { createContainer, createRuntimeFactory } from '../../../src/local/runtimes/index.js';
import { WasmContainer } from '../../../src/local/runtimes/wasm/container.js';
import { buildCActions, buildDir, runContext } from './helpers.js';

function module(name: string, env: Record<string, string> = {}): InitPayload {
  const code = readFileSync(join(buildDir, 'wasm', `${name}.wasm`)).toString('base64');
  return { name, main: 'main', code, binary: true, env };
}

describe('runtime wasm:0.1 (WASI in a worker thread)', function () {
  this.timeout(20_000); // not mocha's 2 s under --no-config: a worker in a blocking 5 s sleep ends only after it
  const started: Container[] = [];
  before(buildCActions);
  async function start(memoryMb = 256, factory = createContainer): Promise<WasmContainer> {
    const container = await factory('wasm:0.1', { memoryMb, timeoutMs: 60_000 });
    started.push(container);
    assert.ok(container instanceof WasmContainer);
    return container;
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((c) => c.destroy()));
  });

  it('compiles at init and runs warm in the same worker, a fresh instance per run', async () => {
    const container = await start();
    const thread = container.threadId;
    assert.deepEqual((await container.init(module('noop'), 5000)).body, { OK: true });
    const first = await container.run({}, runContext('w1'), 5000);
    assert.deepEqual([first.statusCode, first.body], [200, { result: { ok: true }, status: 'success', status_code: 0, success: true }]);
    assert.equal(container.instances, 1);
    await container.run({}, runContext('w2'), 5000);
    assert.equal(container.instances, 2);
    assert.equal(container.threadId, thread);
    assert.equal((await container.init(module('noop'), 5000)).statusCode, 403);
  });

  it('passes params on stdin and the __OW_* context in the environment; other output is logs', async () => {
    const container = await start();
    await container.init(module('env', { GREETING: 'hi' }), 5000);
    const context = runContext('wasm-9');
    const answer = await container.run({ q: 'a"b', n: [1, 2] }, context, 5000);
    assert.deepEqual((answer.body.result as Record<string, unknown>), {
      env: {
        __OW_ACTION_NAME: '/guest/test', __OW_ACTIVATION_ID: 'wasm-9', __OW_NAMESPACE: 'guest',
        __OW_DEADLINE: String(context.deadline), __OW_API_HOST: 'http://127.0.0.1:3233', GREETING: 'hi',
      },
      params: { q: 'a"b', n: [1, 2] },
    });
    assert.equal(answer.logs.length, 2, answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => / stdout: env stdout \{"q":"a\\"b","n":\[1,2\]\}$/.test(l)), answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => / stderr: env stderr$/.test(l)));
  });

  it('wraps an {error} result as wow did: success false, status "application error"', async () => {
    const container = await start(128);
    await container.init(module('alloc'), 5000);
    const answer = await container.run({ mb: 512 }, runContext('e'), 5000);
    assert.deepEqual(answer.body, { result: { error: 'could not allocate 512 MB' }, status: 'application error', status_code: 1, success: false });
  });

  it('answers the bare result when the envelope is turned off', async () => {
    const container = await start(256, createRuntimeFactory({ wasmEnvelope: false }));
    await container.init(module('noop'), 5000);
    assert.deepEqual((await container.run({}, runContext('b'), 5000)).body, { ok: true });
  });

  it('enforces the memory limit as the module memory maximum', async () => {
    const small = await start(32);
    await small.init(module('alloc'), 5000);
    assert.equal(((await small.run({ mb: 24 }, runContext('m1'), 5000)).body.result as Record<string, unknown>).allocatedMb, 24);
    const over = await small.run({ mb: 40 }, runContext('m2'), 5000);
    assert.deepEqual(over.body.result, { error: 'could not allocate 40 MB' });
    const roomy = await start(128);
    await roomy.init(module('alloc'), 5000);
    assert.equal(((await roomy.run({ mb: 40 }, runContext('m3'), 5000)).body.result as Record<string, unknown>).allocatedMb, 40);
  });

  it('runs the MobileNetV2 demo (weights in the module\'s data section) with the native build\'s answer', async () => {
    const container = await start();
    assert.equal((await container.init(module('mobilenet'), 5000)).statusCode, 200);
    const paramsText = readFileSync(join(buildDir, 'mobilenet', 'chelsea.params.json'), 'utf8');
    const answer = await container.run(JSON.parse(paramsText) as Record<string, unknown>, runContext('k'), 10_000);
    const native = spawnSync(join(buildDir, 'native', 'mobilenet'), {
      input: `{"value":${paramsText.trim()}}\n`, stdio: ['pipe', 'ignore', 'ignore', 'pipe'],
    });
    assert.deepEqual(answer.body.result, JSON.parse(String(native.output[3])));
  });

  it('treats a trap as a crash, with the trap in the logs', async () => {
    const container = await start();
    await container.init(module('crash'), 5000);
    const answer = await container.run({}, runContext('c'), 5000);
    assert.equal(answer.crashed, true);
    assert.equal(answer.body.error, 'The action did not produce a valid response and exited unexpectedly.');
    assert.ok(answer.logs.some((l) => l.endsWith('stdout: about to crash')), answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => / stderr: RuntimeError: unreachable/.test(l)), answer.logs.join('\n'));
  });

  it('terminates the worker on a timeout', async () => {
    const container = await start();
    await container.init(module('sleep'), 5000);
    const began = Date.now();
    const answer = await container.run({ ms: 5000 }, runContext('t'), 300);
    assert.equal(answer.timedOut, true);
    assert.ok(Date.now() - began < 1500, `answered after ${Date.now() - began} ms`);
    const after = await container.run({ ms: 1 }, runContext('t2'), 300);
    assert.equal(after.crashed, true);
  });

  it('stops a busy module at its time limit', async () => {
    const container = await start();
    await container.init(module('mobilenet'), 5000);
    const params = JSON.parse(readFileSync(join(buildDir, 'mobilenet', 'chelsea.params.json'), 'utf8')) as Record<string, unknown>;
    const began = Date.now();
    const answer = await container.run(params, runContext('busy'), 40); // an inference takes over 100 ms
    assert.equal(answer.timedOut, true);
    assert.ok(Date.now() - began < 1500, `answered after ${Date.now() - began} ms`);
    const destroyStarted = Date.now();
    await container.destroy();
    assert.ok(Date.now() - destroyStarted < 1500, `terminated after ${Date.now() - destroyStarted} ms`);
  });

  it('fails init for bytes that are not a module', async () => {
    const container = await start();
    const answer = await container.init({ ...module('noop'), code: Buffer.from('hello').toString('base64') }, 5000);
    assert.equal(answer.statusCode, 502);
    assert.match(String(answer.body.error), /^Initialization has failed due to: not a WebAssembly module/);
  });

  it('destroy is idempotent', async () => {
    const container = await start();
    await Promise.all([container.destroy(), container.destroy()]);
    await container.destroy();
    assert.equal((await container.run({}, runContext('d'), 1000)).crashed, true);
  });
});
