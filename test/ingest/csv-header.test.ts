// CSV as people export it (issue 10): headers in any case with a BOM and spaces, the flat
// records' names and unit-suffixed spellings; unused columns named; two columns for one field
// and ';'-separated exports are errors that say so. The accepted names are in README "CSV columns".
import assert from 'node:assert/strict';
import { fieldOfName } from '../../src/ingest/csv-header.js';
import { COLUMNS, ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import { fixture, throwsInput } from './helpers.js';

describe('ingest: CSV headers as exported', () => {
  it('maps the table\'s, the flat records\' and unit-suffixed names, in any case', () => {
    const cases: Array<[string, string | null]> = [
      ['init_time_ms', 'init_ms'], ['initTime', 'init_ms'], ['Init (ms)', 'init_ms'], ['wait_ms', 'wait_ms'],
      ['waitTime', 'wait_ms'], ['duration (ms)', 'duration_ms'], ['Duration [ms]', 'duration_ms'], ['duration', 'duration_ms'],
      ['activationId', 'activation_id'], ['Activation ID', 'activation_id'], ['memory', 'memory_mb'], ['Memory (MB)', 'memory_mb'],
      ['\uFEFF Kind ', 'kind'], ['STATUS', 'status'], ['notes', null],
    ];
    assert.deepEqual(cases.map(([name]) => [name, fieldOfName(name)]), cases);
  });

  it('reads an export with a BOM, CRLF, other headers and padded cells; names the unused column', () => {
    const table = ingestFiles([fixture('export.csv')]);
    assert.equal(table.sources[0].format, 'csv');
    assert.deepEqual(table.warnings, [`${fixture('export.csv')}: line 1: ${msg.csvUnusedColumns(['Notes'])}`]);
    assert.deepEqual(table.activations.map((r) => [r.activation_id, r.runtime, r.memory_mb, r.concurrency, r.init_ms, r.wait_ms, r.duration_ms, r.total_ms, r.status]), [
      ['0f5e1c0a9d8b4e7f8a6b5c4d3e2f1a00', 'nodejs:20', 256, 1, 180, 20, 250, 270, 'success'],
      ['0f5e1c0a9d8b4e7f8a6b5c4d3e2f1a01', 'nodejs:20', 256, 1, null, 21, 90, 111, 'action developer error'],
      ['0f5e1c0a9d8b4e7f8a6b5c4d3e2f1a02', 'wasm:0.1', 256, 1, 40, 5, 120, 125, 'success'],
      ['0f5e1c0a9d8b4e7f8a6b5c4d3e2f1a03', 'wasm:0.1', 256, 2, null, null, 95, null, 'success'],
    ]);
  });

  it('refuses two columns that name one field, naming both', () => {
    throwsInput(() => ingestFiles([fixture('clash.csv')]), fixture('clash.csv'), 'line 1', msg.csvSameField('duration', 'Duration (ms)', 'duration_ms'));
  });

  it('says exactly what to do with a ";"-separated export with decimal commas', () => {
    throwsInput(() => ingestFiles([fixture('semicolon.csv')]), fixture('semicolon.csv'), 'line 1', msg.csvSemicolons());
  });

  it('reads back a table with sequences and their components written as CSV', () => {
    const rows = ingestFiles([fixture('sequence.json')]).activations;
    const columns = COLUMNS.filter((c) => c !== 'source');
    const csv = [columns.join(','), ...rows.map((row) => columns.map((c) => (row[c] === null ? '' : String(row[c]))).join(','))].join('\n') + '\n';
    assert.deepEqual(ingestText(csv, 'sequences.csv').activations, rows);
  });

  it('takes a CSV without concurrency as not recorded (null)', () => {
    const rows = ingestText('kind,duration_ms,wait_ms\nnodejs:20,5,1\n', 'n.csv').activations;
    assert.deepEqual(rows.map((r) => [r.concurrency, r.total_ms]), [[null, 6]]);
  });
});
