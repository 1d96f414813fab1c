// Lost trials on resume (issue 15, item 5): connections dropped before the server accepted them
// leave trials `lost`; `--resume` sends one again only when that cannot duplicate an activation
// (its action was its own, and the server lists no activation of it), adopts the activation when
// the server does list one, and leaves the trial lost when nothing can be known (a shared action).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalWhiskConfig } from '../../src/local/config.js';
import { startLocalWhisk, type LocalWhisk } from '../../src/local/server.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { runExperiment } from '../../src/openwhisk/runner.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';
import { actionsJs, connectionOf, secretKey, serverActivationCount, tempDir, writeExperiment } from './helpers.js';

/** 2 runtimes × (1+2+3) × 2 = 24 trials of a no-op. */
function experiment(folder: string, cold: 'fresh-action' | 'none'): string {
  const code = path.join(actionsJs, 'noop.js');
  return writeExperiment(folder, {
    name: 'lost', cold, order: 'interleaved', seed: 5, concurrency: [1, 2, 3], repetitions: 2,
    runtimes: [{ name: 'a', kind: 'nodejs:20', memory: 128, code }, { name: 'b', kind: 'nodejs:20', memory: 128, code }],
    retry: { maxRetries: 10, baseMs: 20, capMs: 200, budgetMs: 10000 },
  });
}

async function withServer<T>(faults: LocalWhiskConfig['faults'], body: (server: LocalWhisk, folder: string) => Promise<T>): Promise<T> {
  const server = await startLocalWhisk({ auth: secretKey(), config: { faults } });
  try {
    return await body(server, tempDir());
  } finally {
    await server.close();
  }
}

const timing = { settleMs: 1500, recordBudgetMs: 10000 };
const trialLines = (log: string) => readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('"type":"trial"')).length;

describe('openwhisk/resume: lost trials', function () {
  this.timeout(180_000);

  it('fresh actions that ran nothing: --resume sends them again, and the log reads as 24 trials, none lost', async () => {
    await withServer({ dropConnection: { at: [4, 9, 17], when: 'before' } }, async (server, folder) => {
      const log = path.join(folder, 'run.ndjson');
      const first = await runExperiment({ experiment: experiment(folder, 'fresh-action'), out: log, connection: connectionOf(server), ...timing });
      assert.equal(first.outcomes.lost, 3, JSON.stringify(first.outcomes));
      assert.equal(await serverActivationCount(server), 21);
      const resumed = await runExperiment({ resume: log, connection: connectionOf(server), ...timing });
      assert.equal(resumed.outcomes.lost, 0, JSON.stringify(resumed.outcomes));
      assert.equal(resumed.outcomes.ok, 24);
      assert.equal(resumed.withRecord, 24);
      assert.equal(await serverActivationCount(server), 24, 'each lost trial ran once, nothing twice');
      assert.equal(trialLines(log), 27, 'the lost lines stay in the log; the retries supersede them');
      const state = await readRunLog(log);
      assert.equal(state.trials.size, 24);
      const table = ingestFiles([log]);
      assert.equal(table.activations.length, 24);
      assert.ok(table.activations.every((row) => row.status === 'success'));
      const ids = table.activations.map((row) => row.activation_id);
      assert.equal(new Set(ids).size, 24);
    });
  });

  it('a lost trial whose activation the server does list is adopted, not sent again', async () => {
    await withServer({}, async (server, folder) => {
      const log = path.join(folder, 'run.ndjson');
      await runExperiment({ experiment: experiment(folder, 'fresh-action'), out: log, connection: connectionOf(server), ...timing });
      // As if the reply of trial 5 had been lost and the lookup had found nothing in time.
      const lines = readFileSync(log, 'utf8').split('\n');
      const at = lines.flatMap((line, index) => (line.startsWith('{"type":"trial"') ? [index] : []))[4]!;
      const trial = JSON.parse(lines[at]) as { activation_id: string; outcome: string; trial: string };
      const id = trial.activation_id;
      lines[at] = JSON.stringify({ ...trial, activation_id: null, outcome: 'lost', client_ms: null, http_status: null });
      writeFileSync(log, lines.filter((line) => !line.includes(`"type":"activation","activation_id":"${id}"`)).join('\n'));
      const resumed = await runExperiment({ resume: log, connection: connectionOf(server), ...timing });
      assert.equal(resumed.outcomes.ok, 24, JSON.stringify(resumed.outcomes));
      assert.equal(await serverActivationCount(server), 24, 'nothing was invoked again');
      const adopted = (await readRunLog(log)).trials.get(trial.trial)!;
      assert.equal(adopted.activation_id, id);
      assert.equal(adopted.via, 'resume-lookup');
    });
  });

  it('a shared action (cold: none): whether a lost trial ran cannot be known, so it stays lost', async () => {
    await withServer({ dropConnection: { at: [6], when: 'before' } }, async (server, folder) => {
      const log = path.join(folder, 'run.ndjson');
      const first = await runExperiment({ experiment: experiment(folder, 'none'), out: log, connection: connectionOf(server), ...timing });
      assert.equal(first.outcomes.lost, 1, JSON.stringify(first.outcomes));
      const ran = await serverActivationCount(server);
      const resumed = await runExperiment({ resume: log, connection: connectionOf(server), ...timing });
      assert.equal(resumed.outcomes.lost, 1);
      assert.equal(await serverActivationCount(server), ran, 'nothing was sent again');
    });
  });
});
