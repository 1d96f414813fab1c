// A sweep against the embedded OpenWhisk, through the openwhisk client: exactly the planned
// trials, each once with its record; cold-start methods checked against the records' initTime.
import assert from 'node:assert/strict';
import path from 'node:path';
import { startLocalWhisk, type LocalWhisk } from '../../src/local/server.js';
import { runExperiment } from '../../src/openwhisk/runner.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';
import { initTimeOf } from '../../src/openwhisk/records.js';
import { actionsJs, connectionOf, nativeActions, secretKey, serverActivationCount, tempDir, writeExperiment } from './helpers.js';

describe('openwhisk/sweep (embedded OpenWhisk through the client)', function () {
  this.timeout(120000);
  let server: LocalWhisk;
  before(async () => {
    server = await startLocalWhisk({ auth: secretKey(), config: { blackbox: { images: { 'test/noop': path.join(nativeActions, 'noop') } } } });
  });
  after(async () => server?.close());

  it('records exactly the planned trials, each once with its record', async () => {
    const folder = tempDir();
    const file = writeExperiment(folder, {
      name: 'sweep',
      runtimes: [
        { name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'noop.js') },
        { name: 'native', kind: 'blackbox', memory: 128, executable: path.join(nativeActions, 'noop'), image: 'test/noop' },
      ],
      concurrency: [1, 2, 3],
      repetitions: 2,
      cold: 'fresh-action',
      order: 'interleaved',
      seed: 11,
    });
    const before = await serverActivationCount(server);
    const out = path.join(folder, 'run.ndjson');
    const summary = await runExperiment({ experiment: file, out, connection: connectionOf(server) });
    const state = await readRunLog(out);
    assert.equal(summary.planned, 2 * (1 + 2 + 3) * 2);
    assert.equal(state.trials.size, summary.planned);
    const expected = ['node', 'native'].flatMap((runtime) => [1, 2, 3].flatMap((level) => [1, 2].flatMap((rep) =>
      Array.from({ length: level }, (_, i) => `${runtime}/${level}/${rep}/${i + 1}`))));
    assert.deepEqual([...state.trials.keys()].sort(), expected.sort());
    const ids = [...state.trials.values()].map((line) => line.activation_id);
    assert.equal(new Set(ids).size, ids.length, 'no activation is claimed twice');
    assert.ok(ids.every((id) => id !== null && state.activations.has(id)), 'every trial has its record');
    assert.equal(await serverActivationCount(server) - before, summary.planned, 'the server ran each trial once');
    assert.deepEqual(summary.outcomes, { ok: 24, error: 0, throttled: 0, timeout: 0, lost: 0 });
    assert.equal(state.header.target.embedded, false);
    assert.equal(state.header.tool.openwhisk, '3.21.9');
    assert.equal((state.header.server as { description?: string }).description, 'OpenWhisk API');
    // GET /invokers and GET / of the target, as a controller answers them (embedded: one invoker).
    const limits = ((await (await fetch(`${server.apihost}/`)).json()) as { limits: Record<string, number | null> }).limits;
    assert.deepEqual(state.header.deployment, { invokers: { total: 1, healthy: 1 }, concurrent_actions: limits.concurrent_actions, actions_per_minute: limits.actions_per_minute });
  });

  for (const [cold, expectCold] of [['fresh-action', true], ['update', true], ['none', false]] as const) {
    it(`cold method "${cold}" gives ${expectCold ? 'cold' : 'warm'} starts`, async () => {
      const folder = tempDir();
      const file = writeExperiment(folder, {
        name: `cold-${cold}`,
        runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'noop.js') }],
        concurrency: [1, 3],
        repetitions: 2,
        cold,
        order: 'sequential',
      });
      const out = path.join(folder, 'run.ndjson');
      const summary = await runExperiment({ experiment: file, out, connection: connectionOf(server) });
      const state = await readRunLog(out);
      const inits = [...state.trials.values()].map((line) => initTimeOf(state.activations.get(line.activation_id!)!));
      assert.equal(inits.length, 8);
      if (expectCold) assert.ok(inits.every((init) => init !== null), `all cold: ${inits}`);
      else assert.ok(inits.every((init) => init === null), `all warm: ${inits}`);
      assert.equal(summary.coldImpure, 0);
      assert.equal(summary.plannedCold, expectCold ? 8 : 0);
    });
  }
});
