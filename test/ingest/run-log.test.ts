// The run log `owbench run` writes (DESIGN.md §2.4), built here from the peer's real records:
// rows are trials joined with their activation records.
import assert from 'node:assert/strict';
import { ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import { peerLazy } from '../helpers/cli.js';
import { peer, PEER_FILES, peerRecords, tempFile, throwsInput } from './helpers.js';

const records = peerLazy(() => peerRecords(PEER_FILES.wasmCold));

function runLog(extra: object[] = []): string {
  const lines: object[] = [{ type: 'run', version: 1, id: 'r1', experiment: { name: 'peer' }, target: { apihost: 'http://127.0.0.1:3233', namespace: 'guest', embedded: true }, tool: {}, started: 0 }];
  records.forEach(({ concurrency, record }, index) => {
    const id = record.activationId as string;
    lines.push({ type: 'trial', trial: `wasm/${concurrency}/0/${index}`, runtime: 'wasm', concurrency, repetition: 0, index, sent_at: index, client_ms: 3000 + index, http_status: 202, activation_id: id, outcome: 'ok' });
    lines.push({ type: 'activation', activation_id: id, record });
  });
  return [...lines, ...extra].map((line) => JSON.stringify(line)).join('\n') + '\n';
}

describe('ingest: run log', () => {
  it('joins each trial with its record: runtime, concurrency, repetition, client_ms from the trial, timings from the record', () => {
    const table = ingestFiles([tempFile('run.ndjson', runLog())]);
    assert.equal(table.sources[0].format, 'run-log');
    const expected = ingestFiles([peer(PEER_FILES.wasmCold)]).activations
      .map((row, index) => ({ ...row, runtime: 'wasm', client_ms: 3000 + index }));
    assert.deepEqual(table.activations, expected);
    assert.deepEqual(table.warnings, []);
  });

  it('keeps unanswered trials with their outcome as the status, and warns about an answered trial with no record', () => {
    const extra = [
      { type: 'trial', trial: 'wasm/5/1/0', runtime: 'wasm', concurrency: 5, repetition: 1, index: 0, client_ms: 60000, activation_id: null, outcome: 'timeout' },
      { type: 'trial', trial: 'wasm/5/1/1', runtime: 'wasm', concurrency: 5, repetition: 1, index: 1, client_ms: 12, http_status: 429, activation_id: null, outcome: 'throttled' },
      { type: 'trial', trial: 'wasm/5/1/2', runtime: 'wasm', concurrency: 5, repetition: 1, index: 2, client_ms: null, activation_id: null, outcome: 'lost' },
      { type: 'trial', trial: 'wasm/5/1/3', runtime: 'wasm', concurrency: 5, repetition: 1, index: 3, client_ms: 40, http_status: 500, activation_id: null, outcome: 'error' },
      { type: 'trial', trial: 'wasm/5/1/4', runtime: 'wasm', concurrency: 5, repetition: 1, index: 4, client_ms: 900, activation_id: 'notfetched', outcome: 'ok' },
    ];
    const text = runLog(extra);
    const table = ingestText(text, 'run.ndjson');
    const tail = table.activations.slice(records.length);
    assert.deepEqual(tail.map((r) => [r.status, r.concurrency, r.repetition, r.client_ms, r.wait_ms, r.duration_ms, r.total_ms, r.cold]), [
      ['timeout', 5, 1, 60000, null, null, null, false],
      ['throttled', 5, 1, 12, null, null, null, false],
      ['lost', 5, 1, null, null, null, null, false],
      ['whisk internal error', 5, 1, 40, null, null, null, false],
    ]);
    const lastLine = text.trimEnd().split('\n').length;
    assert.deepEqual(table.warnings, [`run.ndjson: line ${lastLine}: ${msg.trialWithoutRecord('wasm/5/1/4')}`]);
  });

  it('refuses a log that does not start with the run line, another version, or a trial recorded twice', () => {
    const lines = runLog().split('\n');
    throwsInput(() => ingestText(lines.slice(1).join('\n'), 'r.ndjson'), 'r.ndjson', 'line 1', msg.runLogFirstLine());
    throwsInput(() => ingestText(runLog().replace('"version":1', '"version":2'), 'r.ndjson'), 'r.ndjson', 'line 1, version', msg.runLogVersion(2));
    const twice = runLog() + lines[1] + '\n';
    throwsInput(() => ingestText(twice, 'r.ndjson'), 'r.ndjson', `line ${lines.length}, trial`, msg.duplicateTrial('wasm/1/0/0'));
  });

  it('ignores a torn last line (a killed driver) with a warning, but not a bad line in the middle', () => {
    const text = runLog();
    const torn = text + '{"type":"trial","trial":"wasm/1/1/0","runt';
    const lines = torn.split('\n').length;
    const table = ingestText(torn, 'torn.ndjson');
    assert.equal(table.activations.length, records.length);
    assert.deepEqual(table.warnings, [`torn.ndjson: line ${lines}: ${msg.tornLastLine()}`]);
    const middle = text.split('\n');
    middle[3] = middle[3].slice(0, 30);
    throwsInput(() => ingestText(middle.join('\n'), 'm.ndjson'), 'm.ndjson', 'line 4', msg.badNdjsonLine(msg.truncatedJson()));
  });

  it('names the line and field of a bad trial or record', () => {
    const badTrial = runLog([{ type: 'trial', trial: 't', runtime: 'wasm', concurrency: 0, repetition: 0, outcome: 'ok' }]);
    const line = badTrial.trimEnd().split('\n').length;
    throwsInput(() => ingestText(badTrial, 'r.ndjson'), 'r.ndjson', `line ${line}, concurrency`, msg.badConcurrency(0));
    const badRecord = runLog().replace('"duration":2154', '"duration":-5');
    throwsInput(() => ingestText(badRecord, 'r.ndjson'), 'r.ndjson', 'line 3, record.duration', msg.negativeTime(-5));
  });
});
