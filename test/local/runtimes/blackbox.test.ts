// blackbox through the Container seam: native executables (built from data/actions/c) speaking
// the action loop, as real processes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, InitPayload } from '../../../src/local/container.js';
import { createRuntimeFactory } from '../../../src/local/runtimes/index.js';
import { BlackboxContainer } from '../../../src/local/runtimes/blackbox/container.js';
import { buildCActions, buildDir, childrenOf, isAlive, runContext } from './helpers.js';

const nativeDir = join(buildDir, 'native');
const factory = createRuntimeFactory({ blackboxFolder: nativeDir, blackboxImages: { 'owbench/mobilenet': join(nativeDir, 'mobilenet') } });

function image(name: string, env: Record<string, string> = {}): InitPayload {
  return { name, main: 'main', code: '', binary: false, image: name, env };
}

describe('runtime blackbox (action loop)', function () {
  const started: Container[] = [];
  before(buildCActions);
  async function start(memoryMb = 256): Promise<BlackboxContainer> {
    const container = await factory('blackbox', { memoryMb, timeoutMs: 60_000 });
    started.push(container);
    assert.ok(container instanceof BlackboxContainer);
    return container;
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((c) => c.destroy()));
  });

  it('starts the executable at init and runs it warm', async () => {
    const container = await start();
    const init = await container.init(image('noop'), 5000);
    assert.equal(init.statusCode, 200, JSON.stringify(init.body));
    const first = await container.run({}, runContext('b1'), 5000);
    const second = await container.run({}, runContext('b2'), 5000);
    assert.deepEqual(first.body, { ok: true, pid: container.pid });
    assert.deepEqual(second.body, { ok: true, pid: container.pid });
    assert.equal((await container.init(image('noop'), 5000)).statusCode, 403);
  });

  it('passes params, the __OW_* environment and init env, and captures logs per run', async () => {
    const container = await start();
    await container.init(image('env', { GREETING: 'hi' }), 5000);
    const context = runContext('bb-7');
    const answer = await container.run({ a: [1, { b: 'c' }] }, context, 5000);
    assert.deepEqual(answer.body, {
      env: {
        __OW_ACTION_NAME: '/guest/test', __OW_ACTIVATION_ID: 'bb-7', __OW_NAMESPACE: 'guest',
        __OW_DEADLINE: String(context.deadline), __OW_API_HOST: 'http://127.0.0.1:3233', GREETING: 'hi',
      },
      params: { a: [1, { b: 'c' }] },
    });
    assert.equal(answer.logs.length, 2, answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => / stdout: env stdout \{"a":\[1,\{"b":"c"\}\]\}$/.test(l)), answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => / stderr: env stderr$/.test(l)));
    const next = await container.run({ z: 1 }, runContext('bb-8'), 5000);
    assert.equal(next.logs.length, 2);
    assert.equal((next.body.env as Record<string, string>).__OW_ACTIVATION_ID, 'bb-8');
  });

  it('runs the demo MobileNetV2 through a registered image name', async () => {
    const container = await start();
    assert.equal((await container.init(image('owbench/mobilenet'), 5000)).statusCode, 200);
    const params = JSON.parse(readFileSync(join(buildDir, 'mobilenet', 'chelsea.params.json'), 'utf8')) as Record<string, unknown>;
    const answer = await container.run(params, runContext('k1'), 10_000);
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.body.label, 'Drawing'); // the probabilities are checked against tfjs in test/actions
    assert.ok(Number(answer.body.confidence) > 0.5 && Number(answer.body.confidence) <= 1);
  });

  it('accepts the executable as binary code', async () => {
    const container = await start();
    const code = readFileSync(join(nativeDir, 'noop')).toString('base64');
    const init = await container.init({ name: 'x', main: 'main', code, binary: true, env: {} }, 5000);
    assert.equal(init.statusCode, 200);
    assert.equal((await container.run({}, runContext('bin'), 5000)).body.ok, true);
  });

  it('fails init for an unknown image or one outside the folder', async () => {
    for (const name of ['nothere', '../wasm/noop.wasm', '/bin/sh']) {
      const container = await start();
      const answer = await container.init(image(name), 5000);
      assert.equal(answer.statusCode, 502, name);
      assert.match(String(answer.body.error), /^Initialization has failed due to: The blackbox image/);
    }
  });

  it('kills the process on a timeout', async () => {
    const container = await start();
    await container.init(image('sleep'), 5000);
    const pid = container.pid!;
    const answer = await container.run({ ms: 5000 }, runContext('t'), 300);
    assert.equal(answer.timedOut, true);
    assert.equal(isAlive(pid), false);
  });

  it('detects a crash and keeps the logs written before it', async () => {
    const container = await start();
    await container.init(image('crash'), 5000);
    const answer = await container.run({}, runContext('c'), 5000);
    assert.equal(answer.crashed, true);
    assert.equal(answer.body.error, 'The action did not produce a valid response and exited unexpectedly.');
    assert.ok(answer.logs.some((l) => l.endsWith('stdout: about to crash')), answer.logs.join('\n'));
    assert.equal(isAlive(container.pid!), false);
  });

  it('caps the address space at the memory limit', async () => {
    const container = await start(128);
    await container.init(image('alloc'), 5000);
    assert.equal((await container.run({ mb: 32 }, runContext('m1'), 5000)).body.allocatedMb, 32);
    const big = await container.run({ mb: 200 }, runContext('m2'), 5000);
    assert.deepEqual(big.body, { error: 'could not allocate 200 MB' });
  });

  it('leaves no process behind after destroy', async () => {
    const container = await start();
    await container.init(image('noop'), 5000);
    const pid = container.pid!;
    assert.ok(childrenOf(process.pid).includes(pid));
    await Promise.all([container.destroy(), container.destroy()]);
    assert.equal(isAlive(pid), false);
  });
});
