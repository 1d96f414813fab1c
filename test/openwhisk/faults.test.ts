// Injected faults (the embedded server's fault plan picks invokes by their 1-based index) end with
// every planned trial recorded once, nothing duplicated on the server, and the truth logged.
import assert from 'node:assert/strict';
import path from 'node:path';
import { startLocalWhisk, type LocalWhisk } from '../../src/local/server.js';
import type { LocalWhiskConfig } from '../../src/local/config.js';
import { runExperiment, type RunSummary } from '../../src/openwhisk/runner.js';
import { readRunLog, type RunLogState } from '../../src/openwhisk/runlog.js';
import { actionsJs, connectionOf, secretKey, serverActivationCount, tempDir, writeExperiment } from './helpers.js';

interface Outcome {
  summary: RunSummary;
  state: RunLogState;
  serverRan: number;
}

/** 2 runtimes × (1+2+3) × 2 = 24 trials of a no-op, fresh action each, against a faulty server. */
async function runWith(faults: LocalWhiskConfig['faults'], extra: Record<string, unknown> = {}): Promise<Outcome> {
  const server: LocalWhisk = await startLocalWhisk({ auth: secretKey(), config: { faults } });
  try {
    const folder = tempDir();
    const code = path.join(actionsJs, 'noop.js');
    const file = writeExperiment(folder, {
      name: 'faults',
      runtimes: [
        { name: 'a', kind: 'nodejs:20', memory: 128, code },
        { name: 'b', kind: 'nodejs:20', memory: 128, code },
      ],
      concurrency: [1, 2, 3],
      repetitions: 2,
      cold: 'fresh-action',
      order: 'interleaved',
      seed: 5,
      retry: { maxRetries: 10, baseMs: 20, capMs: 200, budgetMs: 10000 },
      ...extra,
    });
    const out = path.join(folder, 'run.ndjson');
    const summary = await runExperiment({ experiment: file, out, connection: connectionOf(server), settleMs: 2000, recordBudgetMs: 10000 });
    return { summary, state: await readRunLog(out), serverRan: await serverActivationCount(server) };
  } finally {
    await server.close();
  }
}

function assertComplete({ summary, state }: Outcome): void {
  assert.equal(summary.planned, 24);
  assert.equal(state.trials.size, 24, 'every planned trial is logged once');
  const ids = [...state.trials.values()].flatMap((line) => (line.activation_id ? [line.activation_id] : []));
  assert.equal(new Set(ids).size, ids.length, 'no activation claimed by two trials');
}

describe('openwhisk/faults (injected by the embedded server)', function () {
  this.timeout(120000);

  it('429s: backs off with jitter, retries, loses nothing, duplicates nothing', async () => {
    const result = await runWith({ throttle: { every: 3 } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.ok, 24);
    assert.equal(result.summary.withRecord, 24);
    assert.equal(result.serverRan, 24, 'a throttled call never became an activation');
    assert.ok(result.summary.retried >= 6, `retried ${result.summary.retried}`);
    assert.ok(result.summary.backoffMs > 0);
    const retriedLines = [...result.state.trials.values()].filter((line) => line.retries > 0);
    assert.ok(retriedLines.every((line) => line.backoff_ms >= 10 * line.retries), 'waiting is logged');
  });

  it('a 429 budget that runs out records the trial as throttled', async () => {
    const result = await runWith({ throttle: { at: [1, 2, 3] } }, { retry: { maxRetries: 1, baseMs: 5, capMs: 5, budgetMs: 100 } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.throttled, 1, JSON.stringify(result.summary.outcomes));
    assert.equal(result.serverRan, 23);
  });

  it('store lag: polls through the 404s and keeps every record', async () => {
    const result = await runWith({ storeLagMs: 400 });
    assertComplete(result);
    assert.equal(result.summary.withRecord, 24);
    assert.equal(result.serverRan, 24);
  });

  it('5xx before acceptance: sent again, nothing lost or duplicated', async () => {
    const result = await runWith({ serverError: { every: 4, status: 503 } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.ok, 24);
    assert.equal(result.serverRan, 24);
    assert.ok(result.summary.retried >= 5);
  });

  it('connections dropped after acceptance: the activations are found, not re-sent', async () => {
    const result = await runWith({ dropConnection: { at: [2, 7, 11], when: 'after' } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.ok, 24);
    assert.equal(result.summary.withRecord, 24);
    assert.equal(result.serverRan, 24, 'nothing was invoked twice');
    const found = [...result.state.trials.values()].filter((line) => line.via === 'lookup');
    assert.equal(found.length, 3);
    assert.ok(found.every((line) => line.client_ms === null && line.http_status === null));
  });

  it('connections dropped before acceptance: recorded lost, never silently re-sent', async () => {
    const result = await runWith({ dropConnection: { at: [4], when: 'before' } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.lost, 1);
    assert.equal(result.summary.outcomes.ok, 23);
    assert.equal(result.serverRan, 23);
  });

  it('a container that crashes on init: an error with its record', async () => {
    const result = await runWith({ crashOnInit: { at: [3] } });
    assertComplete(result);
    assert.equal(result.summary.outcomes.error, 1);
    assert.equal(result.summary.withRecord, 24);
    const failed = [...result.state.trials.values()].find((line) => line.outcome === 'error')!;
    assert.equal(failed.http_status, 502);
  });
});
