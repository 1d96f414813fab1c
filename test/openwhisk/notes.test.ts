import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runLogDatasets, runNotesFor } from '../../src/openwhisk/datasets.js';
import { runNotes, withRunNotes } from '../../src/openwhisk/notes.js';
import { readRunLogSync } from '../../src/openwhisk/runlog.js';
import { tempDir } from './helpers.js';

const spec = {
  name: 'tiny_run', runtimes: [{ name: 'a_b', kind: 'nodejs:20', memory: 128, code: 'x.js' }], concurrency: [1, 2], repetitions: 1,
  cold: 'fresh-action', order: 'sequential', coldWaitMs: 0, warmup: 1, timeoutMs: 1000, retry: { maxRetries: 1, baseMs: 1, capMs: 1, budgetMs: 1 },
};
const header = { type: 'run', version: 1, id: 'r1', experiment: spec, experiment_file: 'e.json', target: { apihost: 'http://127.0.0.1:1', namespace: 'guest', embedded: true }, tool: { owbench: '0.1.0', openwhisk: '3.21.9' }, server: null, artifacts: {}, started: '2026-01-01T00:00:00.000Z' };
const record = (id: string, init: number | null) => ({
  activationId: id, duration: 10, start: 1, end: 11, response: { status: 'success', success: true, result: {} },
  annotations: [{ key: 'waitTime', value: 5 }, ...(init === null ? [] : [{ key: 'initTime', value: init }])],
});
const trial = (key: string, id: string | null, extra: Record<string, unknown> = {}) => ({
  type: 'trial', trial: key, runtime: 'a_b', concurrency: Number(key.split('/')[1]), repetition: 1, index: Number(key.split('/')[3]),
  sent_at: 1, client_ms: 20, http_status: 200, activation_id: id, outcome: 'ok', action: 'x', planned_cold: true, retries: 0, backoff_ms: 0, ...extra,
});

function writeLog(folder: string): string {
  mkdirSync(path.join(folder, 'runs'), { recursive: true });
  const file = path.join(folder, 'runs', 'tiny.ndjson');
  const lines = [
    header,
    trial('a_b/1/1/1', 'i1', { retries: 2, backoff_ms: 1500 }),
    { type: 'activation', activation_id: 'i1', record: record('i1', 7) },
    trial('a_b/2/1/1', 'i2', { via: 'lookup', client_ms: null, http_status: null }),
    { type: 'activation', activation_id: 'i2', record: record('i2', null) },
    trial('a_b/2/1/2', null, { outcome: 'lost', client_ms: null, http_status: null }),
  ];
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return file;
}

describe('openwhisk/notes and run-log datasets', () => {
  it('says how the run went: throttling, cold purity, lookups, escaped names', () => {
    const notes = runNotes(readRunLogSync(writeLog(tempDir())));
    assert.match(notes, /Experiment \*\*tiny\\_run\*\*: 1 runtimes × concurrency 1, 2 × 1 repetitions, cold starts by \*\*fresh-action\*\*, order sequential\./);
    assert.match(notes, /Trials: 3 planned, 3 logged, 2 with their activation record\. Outcomes: ok 2, error 0, throttled 0, timeout 0, lost 1\./);
    assert.match(notes, /Throttling: 1 trials were refused \(429 or 5xx\) and sent again after 1\.5 s of backoff/);
    assert.match(notes, /⚠️ Cold purity: 1 of 3 trials meant to be cold ran warm/);
    assert.match(notes, /1 invocations whose reply was lost were found by looking their activation up/);
    assert.ok(!notes.includes('127.0.0.1'), 'the embedded server\'s address is not part of the document');
  });

  it('goes before the provenance block', () => {
    assert.equal(withRunNotes('# T\n\nbody\n\n## Provenance\n\nx\n', 'N\n'), '# T\n\nbody\n\nN\n\n---\n\n## Provenance\n\nx\n');
    assert.equal(withRunNotes('# T\n', 'N\n'), '# T\n\nN\n');
  });

  it('lists data/runs/*.ndjson as datasets named after their files', () => {
    const folder = tempDir();
    const file = writeLog(folder);
    writeFileSync(path.join(folder, 'runs', 'notes.txt'), 'x');
    const datasets = runLogDatasets(folder);
    assert.deepEqual(datasets.map((d) => [d.name, d.title, d.inputs]), [['tiny', "Cold starts on owbench's embedded OpenWhisk-compatible server: a\\_b (run of the tiny\\_run experiment)", [{ path: file }]]]);
    assert.equal(runNotesFor(datasets[0]!), runNotes(readRunLogSync(file)));
    assert.equal(runNotesFor({ inputs: [{ path: 'data/seed-pair/activations.json' }] }), null);
  });
});
