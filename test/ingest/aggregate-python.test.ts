// Pre-aggregated rows in the Python-literal form the seed's scripts printed (format 4).
import assert from 'node:assert/strict';
import path from 'node:path';
import { runtimeOfHeader } from '../../src/ingest/aggregate-python.js';
import { ingestFiles, ingestText } from '../../src/ingest/index.js';
import { repoRoot } from '../helpers/cli.js';

const SEED_SWEEP = path.join(repoRoot, 'data/seed-sweep/results.txt');

describe('ingest: Python-literal results blocks', () => {
  it('reads both blocks of the seed with their runtime labels and values', () => {
    const table = ingestFiles([SEED_SWEEP]);
    assert.equal(table.sources[0].format, 'aggregate-python');
    assert.deepEqual(table.sources[0].runtimes, ['wasm', 'vanilla docker']);
    assert.equal(table.activations.length, 0);
    const rows = (runtime: string) => table.aggregates.filter((r) => r.runtime === runtime)
      .map((r) => [r.concurrency, r.count, r.avg_init, r.max_wait, r.avg_duration, r.avg_total]);
    // The seed's table, row by row.
    assert.deepEqual(rows('wasm'), [
      [1, 1, 1038, 296, 2154, 2450],
      [2, 2, 1149, 271, 1715.5, 1860],
      [3, 3, 1047, 268, 1542.33, 1641.33],
      [4, 4, 1216, 324, 1469.5, 1567.75],
      [5, 5, 1130, 1320, 1485.2, 1768.8],
    ]);
    assert.deepEqual(rows('vanilla docker'), [
      [1, 1, 8567, 2459, 8950, 11409],
      [2, 2, 8661, 2748, 4719, 6099],
      [3, 3, 8860, 14832, 6314.33, 12260.67],
      [4, 4, 8358, 35518, 8748.25, 27562],
    ]);
  });

  it('takes the runtime from the words between "results" and "openwhisk", else before "model:"', () => {
    assert.equal(runtimeOfHeader('results wasm openwhisk mobilenet model:'), 'wasm');
    assert.equal(runtimeOfHeader('results vanilla docker openwhisk mobilenet model:'), 'vanilla docker');
    assert.equal(runtimeOfHeader('results nodejs model:'), 'nodejs');
    assert.equal(runtimeOfHeader('results:'), undefined);
  });

  it('reads None, True/False, double quotes, a trailing comma and a list over several lines', () => {
    const text = [
      'results wasm openwhisk:',
      '[{"concurrency": 1, \'count\': 2, \'avg_init\': None, \'max_wait\': 3,',
      "  'avg_duration': 4.5, 'avg_total': 7.5, 'warm': True},",
      "]",
      '',
      'results docker openwhisk:',
      "[{'concurrency': 2, 'count': 0, 'avg_init': 'N/A', 'max_wait': 'N/A', 'avg_duration': 'N/A', 'avg_total': 'N/A'}]",
    ].join('\n');
    const table = ingestText(text, 'blocks.txt');
    assert.deepEqual(table.aggregates, [
      { runtime: 'wasm', concurrency: 1, count: 2, avg_init: null, max_wait: 3, avg_duration: 4.5, avg_total: 7.5, source: 0 },
      { runtime: 'docker', concurrency: 2, count: 0, avg_init: null, max_wait: null, avg_duration: null, avg_total: null, source: 0 },
    ]);
  });

  it('lets --runtime name the runtime of every block', () => {
    const table = ingestFiles([{ path: SEED_SWEEP, runtime: 'x' }]);
    assert.ok(table.aggregates.every((r) => r.runtime === 'x'));
  });
});
