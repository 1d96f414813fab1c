// The less common paths: waiting out idle containers, the open loop, a blocking call answered
// 202 (polled), and a per-call timeout (the activation is still found and recorded).
import assert from 'node:assert/strict';
import path from 'node:path';
import { startLocalWhisk } from '../../src/local/server.js';
import type { LocalWhiskConfig } from '../../src/local/config.js';
import { runExperiment } from '../../src/openwhisk/runner.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';
import { initTimeOf } from '../../src/openwhisk/records.js';
import { actionsJs, connectionOf, secretKey, serverActivationCount, tempDir, writeExperiment } from './helpers.js';

async function run(config: LocalWhiskConfig, spec: Record<string, unknown>) {
  const server = await startLocalWhisk({ auth: secretKey(), config });
  try {
    const folder = tempDir();
    const file = writeExperiment(folder, {
      name: 'methods',
      runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'sleep.js') }],
      order: 'sequential',
      ...spec,
    });
    const out = path.join(folder, 'run.ndjson');
    const summary = await runExperiment({ experiment: file, out, connection: connectionOf(server), settleMs: 3000 });
    return { summary, state: await readRunLog(out), serverRan: await serverActivationCount(server) };
  } finally {
    await server.close();
  }
}

describe('openwhisk/methods', function () {
  this.timeout(120000);

  it('cold "wait": idle past the container expiry gives cold starts on one action', async () => {
    const { state, summary } = await run(
      { pauseGraceMs: 50, idleTimeoutMs: 150 },
      { concurrency: [1, 2], repetitions: 2, cold: 'wait', coldWaitMs: 600, params: { ms: 1 } },
    );
    const lines = [...state.trials.values()];
    assert.equal(new Set(lines.map((line) => line.action)).size, 1, 'one shared action');
    assert.ok(lines.every((line) => initTimeOf(state.activations.get(line.activation_id!)!) !== null));
    assert.equal(summary.coldImpure, 0);
  });

  it('open loop: calls go out on schedule and latency counts from the scheduled time', async () => {
    const { state } = await run({}, { concurrency: [4], repetitions: 1, cold: 'none', arrivalRate: 20, params: { ms: 1 } });
    const lines = [...state.trials.values()].sort((a, b) => a.index - b.index);
    const gaps = lines.slice(1).map((line, i) => line.planned_at! - lines[i]!.planned_at!);
    assert.deepEqual(gaps.map((gap) => Number(gap.toFixed(6))), [50, 50, 50]);
    // Sent at or after the planned time, never early; late by no more than a loaded machine's stall.
    assert.ok(lines.every((line) => line.sent_at >= line.planned_at! && line.sent_at - line.planned_at! < 50), JSON.stringify(lines));
    assert.ok(lines.every((line) => line.client_ms !== null && line.client_ms >= line.sent_at - line.planned_at!));
  });

  it('open loop, Poisson: the seed fixes the planned times', async () => {
    const spec = { concurrency: [5], repetitions: 1, cold: 'none', arrivalRate: 50, arrivals: 'poisson', seed: 9, params: { ms: 1 } };
    const planned = async () => {
      const { state } = await run({}, spec);
      const lines = [...state.trials.values()].sort((a, b) => a.index - b.index);
      return lines.map((line) => line.planned_at! - lines[0]!.planned_at!);
    };
    const [first, second] = [await planned(), await planned()];
    assert.deepEqual(first.map((x) => x.toFixed(6)), second.map((x) => x.toFixed(6)));
    assert.equal(new Set(first.slice(1).map((x, i) => (x - first[i]!).toFixed(3))).size, 4, 'gaps differ, unlike a fixed rate');
  });

  it('a blocking call answered 202 is polled, not re-sent', async () => {
    const { state, serverRan } = await run({ blockingWaitMs: 100 }, { concurrency: [2], repetitions: 2, cold: 'fresh-action', params: { ms: 400 } });
    const lines = [...state.trials.values()];
    assert.ok(lines.every((line) => line.http_status === 202 && line.via === 'poll' && line.outcome === 'ok'), JSON.stringify(lines));
    assert.ok(lines.every((line) => line.client_ms! >= 400));
    assert.equal(serverRan, 4);
  });

  it('a call past its timeout is a timeout whose activation is still found and recorded', async () => {
    const { state, serverRan, summary } = await run({}, { concurrency: [2], repetitions: 1, cold: 'fresh-action', params: { ms: 1500 }, timeoutMs: 300 });
    const lines = [...state.trials.values()];
    assert.deepEqual(lines.map((line) => line.outcome), ['timeout', 'timeout']);
    assert.ok(lines.every((line) => line.activation_id && state.activations.has(line.activation_id)));
    assert.equal(summary.withRecord, 2);
    assert.equal(serverRan, 2);
  });
});
