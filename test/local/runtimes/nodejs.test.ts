// nodejs:20 through the Container seam, with real child processes.
import assert from 'node:assert/strict';
import { createContainer } from '../../../src/local/runtimes/index.js';
import type { Container } from '../../../src/local/container.js';
import { NodeContainer } from '../../../src/local/runtimes/nodejs/container.js';
import { childrenOf, isAlive, jsAction, runContext } from './helpers.js';

// LogLine.toFormattedString: the 24-character ISO time padded to 30, then a space (OPENWHISK.md §1.3).
const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z {7}(stdout|stderr): /;

describe('runtime nodejs:20', function () {
  const started: Container[] = [];
  async function start(memoryMb = 256): Promise<NodeContainer> {
    const container = await createContainer('nodejs:20', { memoryMb, timeoutMs: 60_000 });
    started.push(container);
    assert.ok(container instanceof NodeContainer);
    return container;
  }
  afterEach(async () => {
    await Promise.all(started.splice(0).map((c) => c.destroy()));
  });

  it('initializes once, then runs warm in the same process', async () => {
    const container = await start();
    assert.equal(container.kind, 'nodejs:20');
    const init = await container.init(jsAction('noop'), 5000);
    assert.deepEqual([init.statusCode, init.body], [200, { OK: true }]);
    const first = await container.run({}, runContext('a1'), 5000);
    const second = await container.run({}, runContext('a2'), 5000);
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.pid, container.pid);
    assert.equal(second.body.pid, container.pid);
    const again = await container.init(jsAction('noop'), 5000);
    assert.equal(again.statusCode, 403);
  });

  it('passes params and the __OW_* environment, and captures logs per activation', async () => {
    const container = await start();
    await container.init(jsAction('echo', { GREETING: 'hi' }), 5000);
    const context = runContext('act-123');
    const answer = await container.run({ n: 1, s: 'x' }, context, 5000);
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(answer.body.params, { n: 1, s: 'x' });
    const env = answer.body.env as Record<string, string>;
    assert.equal(env.__OW_ACTIVATION_ID, 'act-123');
    assert.equal(env.__OW_ACTION_NAME, '/guest/test');
    assert.equal(env.__OW_NAMESPACE, 'guest');
    assert.equal(env.__OW_DEADLINE, String(context.deadline));
    assert.equal(env.__OW_API_HOST, 'http://127.0.0.1:3233');
    assert.equal(env.__OW_API_KEY, undefined);
    assert.equal(answer.logs.length, 2, answer.logs.join('\n'));
    assert.ok(answer.logs.every((l) => LOG_LINE.test(l)), answer.logs.join('\n'));
    assert.ok(answer.logs.some((l) => l.endsWith('stdout: echo stdout {"n":1,"s":"x"}')));
    assert.ok(answer.logs.some((l) => l.endsWith('stderr: echo stderr')));
    assert.ok(answer.logs.every((l) => !l.includes('XXX_THE_END')));
    const next = await container.run({ m: 2 }, runContext('act-124'), 5000);
    assert.equal(next.logs.length, 2);
    assert.ok(next.logs[0]!.includes('{"m":2}') || next.logs[1]!.includes('{"m":2}'));
    assert.equal((next.body.env as Record<string, string>).__OW_ACTIVATION_ID, 'act-124');
  });

  it('supports exports.main with require, and async results', async () => {
    const container = await start();
    assert.equal((await container.init(jsAction('exports'), 5000)).statusCode, 200);
    const answer = await container.run({ name: 'ow' }, runContext('e1'), 5000);
    assert.deepEqual(answer.body, { hostnameIsString: true, greeting: 'hello ow' });
  });

  it('reports {error} as an application error and a throw as a developer error', async () => {
    const errorer = await start();
    await errorer.init(jsAction('error'), 5000);
    const applicationError = await errorer.run({ message: 'nope' }, runContext('x1'), 5000);
    assert.deepEqual([applicationError.statusCode, applicationError.body], [200, { error: 'nope' }]);
    const thrower = await start();
    await thrower.init(jsAction('throw'), 5000);
    const thrown = await thrower.run({ message: 'boom' }, runContext('x2'), 5000);
    assert.deepEqual([thrown.statusCode, thrown.body], [502, { error: 'An error has occurred: Error: boom' }]);
    assert.equal(thrown.crashed, false);
  });

  it('fails init for code without main', async () => {
    const container = await start();
    const answer = await container.init({ ...jsAction('noop'), main: 'nothere' }, 5000);
    assert.equal(answer.statusCode, 502);
    assert.match(String(answer.body.error), /^Initialization has failed due to: /);
  });

  it('kills the process on a timeout', async () => {
    const container = await start();
    await container.init(jsAction('sleep'), 5000);
    const pid = container.pid!;
    const answer = await container.run({ ms: 5000 }, runContext('t1'), 300);
    assert.equal(answer.timedOut, true);
    assert.equal(answer.statusCode, 502);
    assert.equal(answer.body.error, 'The action exceeded its time limits of 300 milliseconds.');
    assert.equal(isAlive(pid), false);
  });

  it('detects a crash', async () => {
    const container = await start();
    await container.init(jsAction('exit'), 5000);
    const pid = container.pid!;
    const answer = await container.run({ code: 3 }, runContext('c1'), 5000);
    assert.equal(answer.crashed, true);
    assert.equal(answer.body.error, 'The action did not produce a valid response and exited unexpectedly.');
    assert.ok(answer.logs.some((l) => l.endsWith('stdout: about to exit')), answer.logs.join('\n'));
    assert.equal(isAlive(pid), false);
    const after = await container.run({}, runContext('c2'), 5000);
    assert.equal(after.crashed, true);
  });

  it('enforces the memory limit on the V8 heap', async () => {
    const container = await start(128);
    await container.init(jsAction('allocate'), 5000);
    const small = await container.run({ mb: 16 }, runContext('m1'), 20_000);
    assert.equal(small.statusCode, 200);
    const big = await container.run({ mb: 400 }, runContext('m2'), 20_000);
    assert.equal(big.crashed, true);
    assert.equal(big.body.error, 'The action exhausted its memory and was aborted.');
  });

  it('leaves no process behind after destroy, and destroy is idempotent', async () => {
    const container = await start();
    await container.init(jsAction('noop'), 5000);
    const pid = container.pid!;
    assert.ok(childrenOf(process.pid).includes(pid));
    await Promise.all([container.destroy(), container.destroy()]);
    await container.destroy();
    assert.equal(isAlive(pid), false);
    assert.ok(!childrenOf(process.pid).includes(pid));
  });

  it('rejects an unknown kind', async () => {
    await assert.rejects(createContainer('python:3', { memoryMb: 256, timeoutMs: 1000 }), /Unknown runtime kind 'python:3'/);
  });
});
