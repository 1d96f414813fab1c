// Details of item 8 of issue 13, each against the OpenWhisk source it follows.
import assert from 'node:assert/strict';
import { rejection, startWhisk, waitForRecord, type Record, type Started } from '../helpers.js';

describe('local server: OpenWhisk details (arrays, limits, log lines, unknown kinds)', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk({ throttle: { invocationsPerMinute: 120, concurrentInvocations: 30 } });
  });
  after(() => s.whisk.close());

  it('answers a blocking invoke of an action returning an array with the array, result=true or not', async () => {
    await s.ow.actions.create({ name: 'list', action: 'function main() { return [1, "two", { three: 3 }]; }' });
    // Actions.scala doInvoke: `case Some(JsArray(elements)) => JsArray(elements)` before the result projection.
    const url = `${s.whisk.apihost}/api/v1/namespaces/_/actions/list?blocking=true`;
    const headers = { Authorization: `Basic ${Buffer.from(s.whisk.auth).toString('base64')}` };
    for (const query of ['', '&result=true']) {
      const response = await fetch(url + query, { method: 'POST', headers });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), [1, 'two', { three: 3 }]);
      const record = await waitForRecord(s.ow, response.headers.get('x-openwhisk-activation-id')!);
      assert.deepEqual(record.response.result, [1, 'two', { three: 3 }]);
    }
  });

  it('GET /namespaces/_/limits returns the limits in force as UserLimits', async () => {
    const response = await fetch(`${s.whisk.apihost}/api/v1/namespaces/_/limits`, {
      headers: { Authorization: `Basic ${Buffer.from(s.whisk.auth).toString('base64')}` },
    });
    // OW:tests/src/test/scala/org/apache/openwhisk/core/controller/test/LimitsApiTests.scala
    // "list default system limits": throttles, then the action limit bounds (COMMON_CONF:485-510).
    assert.deepEqual(await response.json(), {
      invocationsPerMinute: 120,
      concurrentInvocations: 30,
      maxActionInstances: 30,
      minActionMemory: 128,
      maxActionMemory: 512,
      minActionLogs: 0,
      maxActionLogs: 10,
      minActionTimeout: 100,
      maxActionTimeout: 300000,
      minActionConcurrency: 1,
      maxActionConcurrency: 1,
    });
  });

  it('writes log lines as OpenWhisk does: the time padded to 30 characters, the stream, the text', async () => {
    await s.ow.actions.create({ name: 'talk', action: 'function main() { console.log("out line"); console.error("err line"); return {}; }' });
    const first = (await s.ow.actions.invoke({ name: 'talk', blocking: true })) as unknown as Record;
    const record = await waitForRecord(s.ow, first.activationId);
    // DockerToActivationLogStore LogLine.toFormattedString: f"$time%-30s $stream: $log" (OPENWHISK.md §1.3).
    // The two streams interleave by the time each line was read, as the docker log file does: on a
    // busy machine the stderr line can be read first, so each line is found by its stream.
    assert.equal(record.logs.length, 2);
    for (const [stream, text] of [['stdout', 'out line'], ['stderr', 'err line']] as const) {
      const line = record.logs.find((l) => l.slice(30).startsWith(` ${stream}:`));
      assert.ok(line !== undefined, `a ${stream} line in ${JSON.stringify(record.logs)}`);
      assert.equal(line.slice(30), ` ${stream}: ${text}`);
      assert.ok(!Number.isNaN(Date.parse(line.slice(0, 30).trim())));
      assert.match(line.slice(0, 30), /^\S+ *$/);
    }
    const times = record.logs.map((l) => Date.parse(l.slice(0, 30).trim()));
    assert.ok(times[0] <= times[1], `in order of time: ${JSON.stringify(record.logs)}`);
  });

  it("lists the valid kinds, each quoted, in an unknown kind's message", async () => {
    const error = await rejection(s.ow.actions.create({ name: 'py', action: 'def main(a): return a', kind: 'python:3' }));
    // Messages.invalidRuntimeError: runtimes.mkString("'", "', '", "'").
    assert.deepEqual([error.statusCode, error.error.error], [400, "The specified runtime 'python:3' is not supported by this platform. Valid values are: 'nodejs:20', 'blackbox', 'wasm:0.1'."]);
  });
});
