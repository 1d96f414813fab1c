// Pre-aggregated rows as JSON (format 4), as the peer's average_*.json, "N/A" where missing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ingestFiles, ingestText, messages as msg } from '../../src/ingest/index.js';
import { peer, throwsInput } from './helpers.js';

describe('ingest: aggregate rows as JSON', () => {
  it('reads the peer\'s averages, "N/A" as null, with the runtime named by --runtime', () => {
    const file = peer('average_prewarmed_wasm.json');
    const table = ingestFiles([{ path: file, runtime: 'wasm:0.1' }]);
    assert.equal(table.sources[0].format, 'aggregate-json');
    const published = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, number | string>>;
    assert.deepEqual(table.aggregates, published.map((row) => ({
      runtime: 'wasm:0.1', concurrency: row.concurrency, count: row.count, avg_init: null,
      max_wait: row.max_wait, avg_duration: row.avg_duration, avg_total: row.avg_total, source: 0,
    })));
    assert.equal(ingestFiles([{ path: peer('average_cold_start_wasm.json'), runtime: 'w' }]).aggregates[3].avg_total, 1567.75);
  });

  it('takes a runtime or kind field of the row, and asks for --runtime when there is none', () => {
    const rows = [{ kind: 'blackbox', concurrency: 1, count: 1, avg_init: 1, max_wait: 2, avg_duration: 3, avg_total: 5 }];
    assert.equal(ingestText(JSON.stringify(rows), 'k.json').aggregates[0].runtime, 'blackbox');
    throwsInput(() => ingestFiles([peer('average_cold_start_wasm.json')]), peer('average_cold_start_wasm.json'), '[0]', msg.noRuntime());
  });
});
