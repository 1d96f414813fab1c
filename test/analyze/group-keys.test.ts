// What a group is (issue 10, items 5 and 6): (runtime, function, memory, concurrency), numbered
// copies of one function together, `--by action` for exact names; several functions or memory
// sizes under one runtime never pooled nor compared; cold and warm apart; missing counts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { formatAnalysis } from '../../src/analyze/format.js';
import { groupKeysOf } from '../../src/analyze/group-keys.js';
import * as msg from '../../src/analyze/messages.js';
import { UsageError } from '../../src/errors.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { needPeerData, repoRoot, sharedData } from '../helpers/cli.js';

const fixture = (name: string) => path.join(repoRoot, 'test/ingest/fixtures', name);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('analyze: group keys', () => {
  const table = () => ingestFiles([fixture('configurations.json')]);

  it('adds the keys --by names to the default ones; action replaces function', () => {
    assert.deepEqual(groupKeysOf(undefined), ['runtime', 'function', 'memory', 'concurrency']);
    assert.deepEqual(groupKeysOf('repetition'), ['runtime', 'function', 'memory', 'concurrency', 'repetition']);
    assert.deepEqual(groupKeysOf('action, repetition'), ['runtime', 'action', 'memory', 'concurrency', 'repetition']);
    assert.throws(() => groupKeysOf('size'), (e: unknown) => e instanceof UsageError && e.message === msg.unknownGroupKey('size', ['runtime', 'function', 'action', 'memory', 'concurrency', 'repetition']));
  });

  it('keeps two functions at two memory sizes under one kind apart, and compares neither', () => {
    const analysis = analyze(table());
    assert.deepEqual(analysis.groups.map((g) => [g.runtime, g.function, g.memory_mb, g.concurrency, g.count]), [
      ['nodejs:20', 'resize', 256, null, 7], ['nodejs:20', 'thumb', 512, null, 6],
    ]);
    assert.ok(analysis.warnings.includes(msg.severalConfigurations('nodejs:20', ['resize, 256 MB', 'thumb, 512 MB'])));
    assert.ok(analysis.warnings.includes(msg.concurrencyNotRecorded(['nodejs:20'])));
    assert.deepEqual([analysis.speedups, analysis.comparisons, analysis.trends], [[], [], []]);
    assert.match(formatAnalysis(analysis), /^runtime +function +memory_mb +concurrency +count .*\nnodejs:20 +resize +256 +not recorded +7 .*\nnodejs:20 +thumb +512 +not recorded +6 /m);
  });

  it('reports the cold and warm parts apart, by hand from the fixture; the missing waitTime is counted', () => {
    const resize = analyze(table()).groups[0];
    // resize: cold totals (wait + duration) 20+250, 21+260, 22+270; warm 23+280, 24+290, 25+300, plus one without waitTime.
    assert.deepEqual([resize.parts.cold!.count, resize.parts.cold!.avg_total, resize.parts.cold!.avg_init], [3, mean([270, 281, 292]), mean([180, 181, 182])]);
    assert.deepEqual([resize.parts.warm!.count, resize.parts.warm!.avg_total, resize.parts.warm!.avg_duration], [4, mean([303, 314, 325]), mean([280, 290, 300, 260])]);
    assert.deepEqual([resize.parts.warm!.p50_total, resize.parts.warm!.max_total], [314, 325]);
    assert.deepEqual(resize.missing, { wait_ms: 1, duration_ms: 0, exec_ms: 0, total_ms: 1 });
    assert.deepEqual(resize.parts.warm!.missing, { wait_ms: 1, duration_ms: 0, exec_ms: 0, total_ms: 1 });
    assert.equal(resize.avg_total, mean([270, 281, 292, 303, 314, 325]));
  });

  it('groups by exact action names with --by action', () => {
    const analysis = analyze(table(), { by: 'action' });
    assert.deepEqual(analysis.groups.map((g) => [g.function, g.action, g.count]), [
      ['resize', 'guest/resize1', 2], ['resize', 'guest/resize2', 3], ['resize', 'guest/resize3', 2],
      ['thumb', 'guest/thumb1', 3], ['thumb', 'guest/thumb2', 3],
    ]);
  });

  it('keeps the peer\'s numbered actions one group per level, reproducing its aggregates', () => {
    needPeerData();
    const analysis = analyze(ingestFiles([path.join(sharedData, 'input_wasm_cold_start.json')]));
    assert.deepEqual(analysis.groups.map((g) => [g.function, g.concurrency, g.count]), [1, 2, 3, 4, 5].map((c) => ['mobilenet_native_rust', c, c]));
    assert.equal(analysis.groups[3].avg_total, 1567.75);
  });

  it('counts timeouts as timeouts in the JSON and the terminal table', () => {
    const analysis = analyze(ingestFiles([fixture('statuses.ndjson')]));
    assert.deepEqual(analysis.groups[0].failures, {
      'application error': 1, 'action developer error': 2, 'whisk internal error': 1, timeout: 1, throttled: 0, lost: 0,
    });
    assert.match(formatAnalysis(analysis), /^runtime +concurrency +count +errors .* timeouts +cold_avg_total +warm_avg_total\nnodejs:20 +not recorded +2 +5 .* 1 +310 +78\n/m);
  });
});
