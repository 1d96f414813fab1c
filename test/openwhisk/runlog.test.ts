import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRunLog, RunLogWriter, type RunHeader, type TrialLine } from '../../src/openwhisk/runlog.js';
import { tempDir } from './helpers.js';

const header = { type: 'run', version: 1, id: 'abc', experiment: {}, experiment_file: 'e.json', target: { apihost: 'http://h', namespace: '_', embedded: false }, tool: {}, server: null, artifacts: {}, started: '2026-01-01T00:00:00.000Z' } as unknown as RunHeader;
const trial = (id: string, activation: string | null): TrialLine => ({
  type: 'trial', trial: id, runtime: 'r', concurrency: 1, repetition: 1, index: 1, sent_at: 1, client_ms: 2, http_status: 200,
  activation_id: activation, outcome: 'ok', action: 'a', planned_cold: true, retries: 0, backoff_ms: 0,
});

describe('openwhisk/runlog', () => {
  it('writes NDJSON lines and replays them', async () => {
    const file = path.join(tempDir(), 'nested/run.ndjson');
    const writer = await RunLogWriter.create(file, header);
    await Promise.all([writer.append([trial('r/1/1/1', 'a1')]), writer.append([trial('r/1/2/1', null)])]);
    await writer.append([{ type: 'activation', activation_id: 'a1', record: { activationId: 'a1' } }]);
    await writer.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    assert.equal(lines.length, 5);
    assert.equal(lines[4], '');
    const state = await readRunLog(file);
    assert.equal(state.header.id, 'abc');
    assert.equal(state.trials.size, 2);
    assert.deepEqual(state.activations.get('a1'), { activationId: 'a1' });
    assert.equal(state.torn, false);
  });

  it('refuses to overwrite an existing log', async () => {
    const file = path.join(tempDir(), 'run.ndjson');
    writeFileSync(file, 'x');
    await assert.rejects(RunLogWriter.create(file, header), /EEXIST/);
  });

  it('drops a torn last line and resumes appending after the last whole one', async () => {
    const file = path.join(tempDir(), 'run.ndjson');
    const writer = await RunLogWriter.create(file, header);
    await writer.append([trial('r/1/1/1', 'a1')]);
    await writer.close();
    appendFileSync(file, '{"type":"trial","trial":"r/1/2');
    const state = await readRunLog(file);
    assert.equal(state.torn, true);
    assert.equal(state.trials.size, 1);
    const again = await RunLogWriter.reopen(file, state.validBytes, state.needsNewline);
    await again.append([trial('r/1/2/1', null)]);
    await again.close();
    const replay = await readRunLog(file);
    assert.equal(replay.trials.size, 2);
    assert.equal(replay.torn, false);
  });

  it('keeps a whole last line whose newline is missing', async () => {
    const file = path.join(tempDir(), 'run.ndjson');
    writeFileSync(file, JSON.stringify(header) + '\n' + JSON.stringify(trial('r/1/1/1', null)));
    const state = await readRunLog(file);
    assert.equal(state.trials.size, 1);
    assert.equal(state.needsNewline, true);
    const writer = await RunLogWriter.reopen(file, state.validBytes, state.needsNewline);
    await writer.append([trial('r/1/2/1', null)]);
    await writer.close();
    assert.equal((await readRunLog(file)).trials.size, 2);
  });

  it('names the line of a duplicate trial or a bad line', async () => {
    const file = path.join(tempDir(), 'run.ndjson');
    writeFileSync(file, [JSON.stringify(header), JSON.stringify(trial('t', null)), JSON.stringify(trial('t', null)), ''].join('\n'));
    await assert.rejects(readRunLog(file), new RegExp(`${file.replace(/[.]/g, '\\.')}: line 3: trial t is recorded twice`));
    writeFileSync(file, [JSON.stringify(header), '{"type":"nope"}', ''].join('\n'));
    await assert.rejects(readRunLog(file), /line 2: unknown line type "nope"/);
    writeFileSync(file, '{"type":"trial"}\n');
    await assert.rejects(readRunLog(file), /line 1: expected the run header/);
  });
});
