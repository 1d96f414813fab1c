// OpenWhisk records as real deployments return them (issue 10): sequences and conductors with
// their components, the three status spellings and statusCode, the timeout annotation, a
// failure without timings. Fixtures in test/ingest/fixtures, written as OPENWHISK.md §1 describes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import { fixture, throwsInput } from './helpers.js';

describe('ingest: OpenWhisk records as deployments return them', () => {
  it('marks sequence and conductor activations as compositions, their components as caused by one', () => {
    const table = ingestFiles([fixture('sequence.json')]);
    const rows = table.activations;
    assert.deepEqual(rows.map((r) => [r.runtime, r.composition, r.caused_by, r.components]), [
      ['sequence', 'sequence', null, 2], ['nodejs:20', null, 'sequence', null], ['nodejs:20', null, 'sequence', null],
      ['sequence', 'sequence', null, 2], ['nodejs:20', null, 'sequence', null], ['nodejs:20', null, 'sequence', null],
      ['conductor', 'conductor', null, 3],
    ]);
    // A sequence is no runtime: the file contributes nodejs:20 alone.
    assert.deepEqual(table.sources[0].runtimes, ['nodejs:20']);
    // Its duration is end to end: from its start to the last component's end.
    assert.equal(rows[0].duration_ms, rows[2].end! - rows[0].start!);
  });

  it('keeps a composition\'s own label even under --runtime', () => {
    const rows = ingestFiles([{ path: fixture('sequence.json'), runtime: 'node' }]).activations;
    assert.deepEqual([...new Set(rows.map((r) => r.runtime))], ['sequence', 'node', 'conductor']);
  });

  it('reads the REST and `wsk activation list` spellings and statusCode; timeout: true is a timeout', () => {
    const rows = ingestFiles([fixture('statuses.ndjson')]).activations;
    assert.deepEqual(rows.map((r) => r.status), [
      'success', 'action developer error', 'action developer error', 'application error', 'whisk internal error', 'timeout', 'success',
    ]);
  });

  it('rejects a statusCode that contradicts the status, naming both', () => {
    const record = JSON.parse(readFileSync(fixture('statuses.ndjson'), 'utf8').split('\n')[1]) as { response: { statusCode: number } };
    record.response.statusCode = 3;
    throwsInput(() => ingestText(JSON.stringify(record), 'c.json'), 'c.json', 'response.statusCode',
      msg.statusDisagrees(3, 'whisk internal error', 'action developer error'));
  });

  it('keeps a failed activation without a duration as a failure, even under --skip-invalid', () => {
    const record = JSON.parse(readFileSync(fixture('statuses.ndjson'), 'utf8').split('\n')[4]) as Record<string, unknown>;
    delete record.duration;
    const table = ingestText(JSON.stringify([record]), 'f.json', { skipInvalid: true });
    assert.deepEqual(table.warnings, []);
    assert.deepEqual(table.activations.map((r) => [r.status, r.duration_ms, r.total_ms]), [['whisk internal error', null, null]]);
  });

  it('records no concurrency for records on their own (null, not a silent 1)', () => {
    const rows = ingestFiles([fixture('configurations.json')]).activations;
    assert.ok(rows.every((r) => r.concurrency === null));
  });

  it('leaves the total out where the record has no waitTime', () => {
    const rows = ingestFiles([fixture('configurations.json')]).activations;
    const last = rows[rows.length - 1];
    assert.deepEqual([last.wait_ms, last.duration_ms, last.exec_ms, last.total_ms], [null, 260, 260, null]);
  });
});
