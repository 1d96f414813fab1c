import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import { UsageError } from '../../src/errors.js';
import * as msg from '../../src/analyze/messages.js';
import type { GroupFigures } from '../../src/types.js';
import { aggregate, row, table } from './table.js';

const near = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('analyze: group figures (DESIGN.md §2.3)', () => {
  // One cold and one warm success, one failure: every figure by hand.
  const rows = [
    row({ runtime: 'wasm:0.1', wait: 10, init: 100, duration: 300 }), // exec 200, total 310
    row({ runtime: 'wasm:0.1', wait: 20, duration: 150 }), // warm: exec 150, total 170
    row({ runtime: 'wasm:0.1', wait: 5000, duration: 9, status: 'application error' }),
  ];

  it('computes latency over successes only and counts the failure', () => {
    const [g] = analyze(table(rows)).groups;
    assert.deepEqual(
      { ...g, p90_total: null, p95_total: null, p99_total: null },
      {
        runtime: 'wasm:0.1', concurrency: 1, count: 2, errors: 1, cold: 1,
        avg_init: 100, max_wait: 20, avg_wait: 15, avg_duration: 225, avg_exec: 175, avg_total: 240,
        p50_total: 240, p90_total: null, p95_total: null, p99_total: null, max_total: 310,
      } satisfies GroupFigures,
    );
    near(g.p90_total, 170 + 0.9 * 140);
    near(g.p95_total, 170 + 0.95 * 140);
    near(g.p99_total, 170 + 0.99 * 140);
  });

  it('gives avg_init null, not 0, when no activation was cold', () => {
    const [g] = analyze(table([row({ runtime: 'x', wait: 1, duration: 2 })])).groups;
    assert.equal(g.cold, 0);
    assert.equal(g.avg_init, null);
  });

  it('keeps a group whose activations all failed, with nulls for its latencies', () => {
    const [g] = analyze(table([row({ runtime: 'x', wait: 1, duration: 2, status: 'timeout' })])).groups;
    assert.equal(g.count, 0);
    assert.equal(g.errors, 1);
    assert.equal(g.avg_total, null);
    assert.equal(g.p95_total, null);
    assert.equal(g.max_wait, null);
  });

  it('skips missing values per column (a row without waitTime still counts for duration)', () => {
    const [g] = analyze(table([
      row({ runtime: 'x', wait: null, duration: 100 }),
      row({ runtime: 'x', wait: 10, duration: 200 }),
    ])).groups;
    assert.equal(g.count, 2);
    assert.equal(g.avg_duration, 150);
    assert.equal(g.avg_wait, 10);
    assert.equal(g.avg_total, 210);
    assert.equal(g.p50_total, 210);
  });

  it('sorts groups by runtime (string order) then concurrency', () => {
    const { groups } = analyze(table([
      row({ runtime: 'wasm:0.1', concurrency: 10, wait: 1, duration: 1 }),
      row({ runtime: 'blackbox', concurrency: 2, wait: 1, duration: 1 }),
      row({ runtime: 'wasm:0.1', concurrency: 9, wait: 1, duration: 1 }),
      row({ runtime: 'Zed', concurrency: 1, wait: 1, duration: 1 }),
      row({ runtime: 'blackbox', concurrency: 1, wait: 1, duration: 1 }),
    ]));
    assert.deepEqual(groups.map((g) => `${g.runtime}@${g.concurrency}`),
      ['Zed@1', 'blackbox@1', 'blackbox@2', 'wasm:0.1@9', 'wasm:0.1@10']);
  });

  it('splits groups per repetition with by: repetition', () => {
    const reps = [0, 1, 1, 0].map((repetition, i) => row({ runtime: 'x', repetition, wait: i, duration: 10 * i }));
    const { groups } = analyze(table(reps), { by: 'repetition' });
    assert.deepEqual(groups.map((g) => [g.repetition, g.count, g.avg_duration]), [[0, 2, 15], [1, 2, 15]]);
    assert.equal(analyze(table(reps)).groups[0].repetition, undefined);
  });
});

describe('analyze: speedups', () => {
  const rows = [
    row({ runtime: 'wasm:0.1', concurrency: 1, wait: 50, init: 100, duration: 400 }),
    row({ runtime: 'blackbox', concurrency: 1, wait: 200, init: 800, duration: 1200 }),
    row({ runtime: 'blackbox', concurrency: 2, wait: 300, duration: 400 }),
    row({ runtime: 'wasm:0.1', concurrency: 2, wait: 30, duration: 500 }),
    row({ runtime: 'wasm:0.1', concurrency: 3, wait: 30, duration: 500 }), // no baseline at 3
  ];

  it('divides baseline by candidate per shared level and overall, for the metrics both have', () => {
    const { speedups } = analyze(table(rows));
    const at = (c: number | null) => Object.fromEntries(speedups.filter((s) => s.concurrency === c).map((s) => [s.metric, s.ratio]));
    assert.ok(speedups.every((s) => s.baseline === 'blackbox' && s.candidate === 'wasm:0.1'));
    assert.deepEqual(at(1), { avg_init: 8, avg_wait: 4, avg_exec: 400 / 300, avg_duration: 3, avg_total: 1400 / 450, p95_total: 1400 / 450 });
    // warm at 2: no avg_init on either side
    assert.deepEqual(at(2), { avg_wait: 10, avg_exec: 0.8, avg_duration: 0.8, avg_total: 700 / 530, p95_total: 700 / 530 });
    assert.deepEqual(at(3), {});
    // overall pools every activation of a runtime: blackbox wait (200+300)/2, wasm (50+30+30)/3
    const overall = at(null);
    assert.equal(overall.avg_init, 8);
    assert.equal(overall.avg_wait, 250 / (110 / 3));
    assert.equal(overall.avg_duration, 800 / (1400 / 3));
    assert.ok(overall.p95_total > 0);
    assert.deepEqual(speedups.map((s) => s.concurrency), [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, null, null, null, null, null, null]);
  });

  it('takes --baseline, else blackbox, else the first runtime in input order', () => {
    assert.ok(analyze(table(rows), { baseline: 'wasm:0.1' }).speedups.every((s) => s.baseline === 'wasm:0.1'));
    const noBlackbox = rows.map((r) => (r.runtime === 'blackbox' ? { ...r, runtime: 'nodejs:20' } : r));
    assert.ok(analyze(table(noBlackbox)).speedups.every((s) => s.baseline === 'wasm:0.1'));
  });

  it('rejects an unknown --baseline, naming the runtimes there are', () => {
    assert.throws(() => analyze(table(rows), { baseline: 'python:3' }), (error: unknown) =>
      error instanceof UsageError && error.message === msg.unknownBaseline('python:3', ['wasm:0.1', 'blackbox']));
    assert.match(msg.unknownBaseline('python:3', ['wasm:0.1', 'blackbox']), /"wasm:0\.1", "blackbox"/);
  });

  it('leaves out a ratio over zero rather than writing Infinity', () => {
    const { speedups } = analyze(table([
      row({ runtime: 'blackbox', wait: 5, duration: 10 }),
      row({ runtime: 'wasm:0.1', wait: 0, duration: 10 }),
    ]));
    assert.ok(!speedups.some((s) => s.metric === 'avg_wait'));
    assert.ok(speedups.every((s) => Number.isFinite(s.ratio)));
  });
});

describe('analyze: pre-aggregated rows', () => {
  const seedLike = [
    aggregate({ runtime: 'wasm:0.1', concurrency: 1, count: 1, avg_init: 1038, max_wait: 296, avg_duration: 2154, avg_total: 2450 }),
    aggregate({ runtime: 'wasm:0.1', concurrency: 2, count: 2, avg_init: 1149, max_wait: 271, avg_duration: 1715.5, avg_total: 1860 }),
    aggregate({ runtime: 'blackbox', concurrency: 1, count: 1, avg_init: 8567, max_wait: 2459, avg_duration: 8950, avg_total: 11409 }),
    aggregate({ runtime: 'blackbox', concurrency: 2, count: 2, avg_init: 8661, max_wait: 2748, avg_duration: 4719, avg_total: 6099 }),
  ];

  it('keeps the fields they have, derives exec only where exact, and nulls the rest', () => {
    const { groups } = analyze(table([], seedLike));
    const wasm1 = groups.find((g) => g.runtime === 'wasm:0.1' && g.concurrency === 1)!;
    assert.deepEqual(wasm1, {
      runtime: 'wasm:0.1', concurrency: 1, count: 1, errors: null, cold: 1,
      avg_init: 1038, max_wait: 296, avg_wait: null, avg_duration: 2154, avg_exec: 2154 - 1038, avg_total: 2450,
      p50_total: null, p90_total: null, p95_total: null, p99_total: null, max_total: null,
    });
    const wasm2 = groups.find((g) => g.runtime === 'wasm:0.1' && g.concurrency === 2)!;
    assert.equal(wasm2.cold, null); // one or two of the two were cold: unknown
    assert.equal(wasm2.avg_exec, null);
  });

  it('treats avg_init "N/A" as all warm: exec = duration', () => {
    const [g] = analyze(table([], [aggregate({ runtime: 'x', concurrency: 1, count: 3, avg_init: null, max_wait: 9, avg_duration: 380, avg_total: 390 })])).groups;
    assert.equal(g.cold, 0);
    assert.equal(g.avg_exec, 380);
  });

  it('pools rows of one level (count-weighted), and keeps them apart by repetition', () => {
    const reps = [376, 397, 380].map((d, i) => aggregate({ runtime: 'x', concurrency: 1, count: 1, avg_init: null, max_wait: 10 + i, avg_duration: d, avg_total: d + 10 + i }));
    const [pooled] = analyze(table([], reps)).groups;
    assert.equal(pooled.count, 3);
    assert.equal(pooled.max_wait, 12);
    assert.equal(pooled.avg_duration, (376 + 397 + 380) / 3);
    const split = analyze(table([], reps), { by: 'repetition' }).groups;
    assert.deepEqual(split.map((g) => [g.repetition, g.avg_duration]), [[0, 376], [1, 397], [2, 380]]);
  });

  it('compares speedups on the figures they have; overall from count-weighted means', () => {
    const { speedups } = analyze(table([], seedLike));
    const metrics = (c: number | null) => speedups.filter((s) => s.concurrency === c).map((s) => s.metric);
    assert.deepEqual(metrics(1), ['avg_init', 'avg_exec', 'avg_duration', 'avg_total']);
    assert.deepEqual(metrics(2), ['avg_init', 'avg_duration', 'avg_total']);
    const overallTotal = speedups.find((s) => s.concurrency === null && s.metric === 'avg_total')!;
    assert.equal(overallTotal.ratio, ((11409 + 2 * 6099) / 3) / ((2450 + 2 * 1860) / 3));
  });

  it('refuses raw and pre-aggregated data for the same runtime and level', () => {
    assert.throws(
      () => analyze(table([row({ runtime: 'wasm:0.1', wait: 1, duration: 1 })], seedLike)),
      (error: unknown) => error instanceof UsageError && error.message === msg.rawAndAggregated('wasm:0.1', 1),
    );
  });
});
