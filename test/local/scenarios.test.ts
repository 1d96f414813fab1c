// The embedded OpenWhisk through the `openwhisk` npm client, as a user drives it: cold then warm,
// errors and their status codes, limits, HTTP errors. Real nodejs:20 containers throughout.
import assert from 'node:assert/strict';
import openwhisk from 'openwhisk';
import { annotation, hasAnnotation, rejection, startWhisk, waitForRecord, type Record, type Started } from './helpers.js';

const WHO_AM_I = 'function main(p) { console.log("hello", p.name); return { pid: process.pid, name: p.name }; }';

describe('local server: invocations through the openwhisk client', function () {
  this.timeout(30_000);
  let s: Started;
  before(async () => {
    // No stem cells: the first test asserts that a cold start's waitTime includes the container start.
    // process isolation: containers are told apart by pid (docker.scenarios covers Docker)
    s = await startWhisk({ blockingWaitMs: 3000, stemCells: [], isolation: 'process' });
  });
  after(() => s.whisk.close());

  it('runs a cold start then a warm one in the same container, with OpenWhisk record semantics', async () => {
    await s.ow.actions.create({ name: 'who', action: WHO_AM_I });
    const cold = (await s.ow.actions.invoke({ name: 'who', blocking: true, params: { name: 'a' } })) as unknown as Record;
    const warm = (await s.ow.actions.invoke({ name: 'who', blocking: true, params: { name: 'b' } })) as unknown as Record;
    assert.equal(cold.response.status, 'success');
    assert.equal(cold.response.result.name, 'a');
    assert.equal(warm.response.result.pid, cold.response.result.pid, 'the warm call reuses the process');
    assert.ok(hasAnnotation(cold, 'initTime'));
    assert.equal(hasAnnotation(warm, 'initTime'), false, 'no initTime key on a warm start');
    for (const record of [cold, warm]) {
      assert.equal(record.end - record.start, record.duration);
      assert.deepEqual(record.logs, [], 'blocking answers carry no logs');
      assert.equal(annotation(record, 'path'), 'guest/who');
      assert.equal(annotation(record, 'kind'), 'nodejs:20');
      assert.equal(annotation(record, 'timeout'), false);
      assert.deepEqual(annotation(record, 'limits'), { concurrency: 1, logs: 10, memory: 256, timeout: 60000 });
    }
    // Cold: duration includes initTime; waitTime covers the process start.
    assert.ok(cold.duration >= (annotation(cold, 'initTime') as number));
    assert.ok((annotation(cold, 'waitTime') as number) > (annotation(warm, 'waitTime') as number));
    const stored = await waitForRecord(s.ow, cold.activationId);
    assert.equal(stored.logs.length, 1);
    assert.match(stored.logs[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z +stdout: hello a$/);
  });

  it('answers a non-blocking invoke with 202 {activationId}; the record, result and logs follow', async () => {
    await s.ow.actions.create({ name: 'later', action: WHO_AM_I });
    const accepted = (await s.ow.actions.invoke({ name: 'later', params: { name: 'n' } })) as { activationId: string };
    assert.deepEqual(Object.keys(accepted), ['activationId']);
    assert.match(accepted.activationId, /^[0-9a-f]{32}$/);
    const record = await waitForRecord(s.ow, accepted.activationId);
    assert.equal(record.response.result.name, 'n');
    const result = await s.ow.activations.result({ activationId: accepted.activationId });
    assert.deepEqual(result, record.response);
    const logs = (await s.ow.activations.logs({ activationId: accepted.activationId })) as { logs: string[] };
    assert.deepEqual(logs.logs, record.logs);
  });

  it('returns 202 when a blocking wait runs out, and the record later', async () => {
    await s.ow.actions.create({ name: 'slow', action: 'async function main() { await new Promise(r => setTimeout(r, 3500)); return {done: true}; }' });
    const answer = (await s.ow.actions.invoke({ name: 'slow', blocking: true })) as { activationId: string };
    assert.deepEqual(Object.keys(answer), ['activationId']);
    // With result=true the client rejects with the plain {activationId} body.
    const plain = await rejection(s.ow.actions.invoke({ name: 'slow', blocking: true, result: true }));
    assert.match((plain as unknown as { activationId: string }).activationId, /^[0-9a-f]{32}$/);
    const record = await waitForRecord(s.ow, answer.activationId);
    assert.equal(record.response.result.done, true);
  });

  it('reports an application error ({error}) as 502 with status "application error"', async () => {
    await s.ow.actions.create({ name: 'apperr', action: 'function main() { return { error: "bad input" }; }' });
    const error = await rejection(s.ow.actions.invoke({ name: 'apperr', blocking: true }));
    assert.equal(error.statusCode, 502);
    assert.equal(error.error.response.status, 'application error');
    assert.equal(error.error.response.success, false);
    assert.deepEqual(error.error.response.result, { error: 'bad input' });
    assert.match(error.message, /Returned HTTP 502 \(Bad Gateway\) --> "bad input"/);
    // The client never sends result=true; it rejects with the whole record here too.
    const withResult = await rejection(s.ow.actions.invoke({ name: 'apperr', blocking: true, result: true }));
    assert.equal(withResult.error.response.result.error, 'bad input');
  });

  it('reports a crash, a throw and a failed init as developer errors; a crashed container is replaced', async () => {
    await s.ow.actions.create({
      name: 'crashy',
      action: 'function main(p) { if (p.exit) process.exit(3); if (p.fail) throw new Error("thrown"); return { pid: process.pid }; }',
    });
    const crash = await rejection(s.ow.actions.invoke({ name: 'crashy', blocking: true, params: { exit: true } }));
    assert.equal(crash.statusCode, 502);
    assert.equal(crash.error.response.status, 'action developer error');
    const next = (await s.ow.actions.invoke({ name: 'crashy', blocking: true })) as unknown as Record;
    assert.equal(next.response.status, 'success');
    assert.ok(hasAnnotation(next, 'initTime'), 'the crashed container is gone: the next call starts cold');
    const thrown = await rejection(s.ow.actions.invoke({ name: 'crashy', blocking: true, params: { fail: true } }));
    assert.equal(thrown.error.response.status, 'action developer error');
    assert.match(String(thrown.error.response.result.error), /thrown/);

    await s.ow.actions.create({ name: 'badinit', action: 'function main( { syntax error' });
    const init = await rejection(s.ow.actions.invoke({ name: 'badinit', blocking: true }));
    assert.equal(init.statusCode, 502);
    const record = init.error as Record;
    assert.equal(record.response.status, 'action developer error');
    // A failed init: start/end/duration are the init interval, and initTime is that interval.
    assert.equal(annotation(record, 'initTime'), record.duration);
    assert.equal(record.end - record.start, record.duration);
  });

  it('times an action out: developer error, timeout annotation, container destroyed', async () => {
    await s.ow.actions.create({
      name: 'sleepy',
      action: 'async function main(p) { await new Promise(r => setTimeout(r, p.ms)); return { pid: process.pid }; }',
      limits: { timeout: 300 },
    });
    const first = (await s.ow.actions.invoke({ name: 'sleepy', blocking: true, params: { ms: 1 } })) as unknown as Record;
    const error = await rejection(s.ow.actions.invoke({ name: 'sleepy', blocking: true, params: { ms: 5000 } }));
    assert.equal(error.statusCode, 502);
    const record = error.error as Record;
    assert.equal(record.response.status, 'action developer error');
    assert.deepEqual(record.response.result, { error: 'The action exceeded its time limits of 300 milliseconds.' });
    assert.equal(annotation(record, 'timeout'), true);
    assert.equal((annotation(record, 'limits') as { timeout: number }).timeout, 300);
    assert.ok(record.duration >= 300 && record.duration < 2000, `duration ${record.duration}`);
    const after = (await s.ow.actions.invoke({ name: 'sleepy', blocking: true, params: { ms: 1 } })) as unknown as Record;
    assert.ok(hasAnnotation(after, 'initTime'), 'a new container after the timeout');
    assert.notEqual(after.response.result.pid, first.response.result.pid);
  });

  it('updates with overwrite (version bump, new containers) and answers 409 without it', async () => {
    await s.ow.actions.create({ name: 'ver', action: 'function main() { return { v: 1, pid: process.pid }; }' });
    const conflict = await rejection(s.ow.actions.create({ name: 'ver', action: 'function main() { return {}; }' }));
    assert.equal(conflict.statusCode, 409);
    assert.equal(conflict.error.error, 'resource already exists');
    const v1 = (await s.ow.actions.invoke({ name: 'ver', blocking: true })) as unknown as Record;
    const updated = (await s.ow.actions.update({ name: 'ver', action: 'function main() { return { v: 2, pid: process.pid }; }' })) as {
      version: string;
    };
    assert.equal(updated.version, '0.0.2');
    const v2 = (await s.ow.actions.invoke({ name: 'ver', blocking: true })) as unknown as Record;
    assert.equal(v2.response.result.v, 2);
    assert.equal(v2.version, '0.0.2');
    assert.ok(hasAnnotation(v2, 'initTime'), 'an updated action gets a new container');
    assert.notEqual(v2.response.result.pid, v1.response.result.pid);
  });

  it('serves pkg/action paths', async () => {
    await s.ow.packages.create({ name: 'tools' }); // an action in a package needs the package (404 otherwise)
    await s.ow.actions.create({ name: 'tools/echo', action: 'function main(p) { return p; }' });
    const got = (await s.ow.actions.get({ name: 'tools/echo' })) as { namespace: string; name: string };
    assert.deepEqual([got.namespace, got.name], ['guest/tools', 'echo']);
    const record = (await s.ow.actions.invoke({ name: 'tools/echo', blocking: true, params: { x: 1 } })) as unknown as Record;
    assert.equal(record.name, 'echo');
    assert.equal(annotation(record, 'path'), 'guest/tools/echo');
    assert.deepEqual(await s.ow.actions.invoke({ name: 'tools/echo', blocking: true, result: true, params: { y: 2 } }), { y: 2 });
    const deleted = (await s.ow.actions.delete({ name: 'tools/echo' })) as { name: string };
    assert.equal(deleted.name, 'echo');
    assert.equal((await rejection(s.ow.actions.get({ name: 'tools/echo' }))).statusCode, 404);
  });

  it('validates limits with OpenWhisk bounds and defaults', async () => {
    for (const limits of [{ timeout: 99 }, { timeout: 300001 }, { memory: 127 }, { memory: 513 }, { concurrency: 2 }]) {
      const error = await rejection(s.ow.actions.create({ name: 'limits', action: 'function main() { return {}; }', limits }));
      assert.equal(error.statusCode, 400, JSON.stringify(limits));
      assert.equal(typeof error.error.code, 'string');
    }
    const ok = (await s.ow.actions.create({
      name: 'limits',
      action: 'function main() { return {}; }',
      limits: { timeout: 100, memory: 512 },
    })) as { limits: unknown };
    assert.deepEqual(ok.limits, { concurrency: 1, logs: 10, memory: 512, timeout: 100 });
  });

  it('answers 404, 401 and 413 with OpenWhisk error bodies', async () => {
    const missing = await rejection(s.ow.actions.invoke({ name: 'nope', blocking: true }));
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.error.error, 'The requested resource does not exist.');
    assert.match(missing.error.code, /^[A-Za-z0-9]{32}$/);
    const noRecord = await rejection(s.ow.activations.get({ activationId: 'f'.repeat(32) }));
    assert.equal(noRecord.statusCode, 404);
    const noLogs = await rejection(s.ow.activations.logs({ activationId: 'f'.repeat(32) }));
    assert.deepEqual(Object.keys(noLogs.error).sort(), ['code', 'error']);

    const stranger = openwhisk({ apihost: s.whisk.apihost, api_key: '23bc46b1-71f6-4ed5-8c54-816aa4f8c502:wrong', ignore_certs: true });
    const denied = await rejection(stranger.actions.list());
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.error.error, 'The supplied authentication is invalid');
    assert.equal(typeof denied.error.code, 'string');

    await s.ow.actions.create({ name: 'big', action: 'function main(p) { return { n: p.blob.length }; }' });
    const blob = 'x'.repeat(1024 * 1024 + 1);
    const tooBig = await rejection(s.ow.actions.invoke({ name: 'big', blocking: true, params: { blob } }));
    assert.equal(tooBig.statusCode, 413);
    assert.match(tooBig.error.error, /larger than allowed: \d+ > 1048576 bytes/);
  });
});
