// Inference at the experimental unit on small tables built by hand: the unit used, cold and warm
// never pooled, one Holm family across every test, runs (not activations) as the test's n.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import { holm } from '../../src/analyze/rank-test.js';
import { heavyTailOf } from '../../src/analyze/heavy-tail.js';
import { row, table } from './table.js';

describe('analyze/inference: comparisons at the experimental unit', () => {
  // Two runtimes, two levels, 4 runs of 3 cold and 2 warm activations; b is 2× faster.
  const rows = ['a', 'b'].flatMap((runtime) => [1, 2].flatMap((concurrency) => [1, 2, 3, 4].flatMap((repetition) =>
    [0, 1, 2, 3, 4].map((i) => {
      const scale = (runtime === 'a' ? 2 : 1) * (1 + 0.05 * repetition + 0.01 * i);
      return row({ runtime, concurrency, repetition, wait: 5, init: i < 3 ? 100 * scale : null, duration: (i < 3 ? 100 * scale : 0) + 200 * scale });
    }))));
  const inference = analyze(table(rows), { baseline: 'a' }).inference!;

  it('uses the run as the unit, with 4 runs a side as n, and compares cold and warm apart', () => {
    assert.equal(inference.unit, 'run');
    assert.equal(inference.unit_field, 'repetition');
    const parts = new Set(inference.comparisons.map((c) => c.part));
    assert.deepEqual([...parts].sort(), ['cold', 'warm']);
    for (const c of inference.comparisons) {
      assert.equal(c.n_baseline, 4);
      assert.equal(c.activations_baseline, c.part === 'cold' ? 12 : 8);
    }
    assert.ok(!inference.comparisons.some((c) => c.part === 'warm' && c.metric === 'init_ms'));
  });

  it('adjusts every test in one Holm family', () => {
    assert.equal(inference.family, inference.comparisons.length);
    const adjusted = holm(inference.comparisons.map((c) => c.p));
    inference.comparisons.forEach((c, i) => assert.equal(c.p_adjusted, adjusted[i]));
    // Fully separated runs, 4 vs 4: the exact p is 2 / C(8, 4) before adjustment.
    for (const c of inference.comparisons) assert.ok(Math.abs(c.p - 2 / 70) < 1e-12, `${c.metric} ${c.part}: ${c.p}`);
  });

  it('gives the ratio of pooled means and an interval at 4 runs, never zero-width', () => {
    const total = inference.comparisons.find((c) => c.concurrency === 1 && c.part === 'cold' && c.metric === 'total_ms')!;
    assert.ok(Math.abs(total.mean_ratio - 2) < 0.05, String(total.mean_ratio));
    assert.ok(total.mean_ci && total.mean_ci[0] < total.mean_ratio && total.mean_ratio < total.mean_ci[1]);
  });

  it('stratifies the overall ratio by level: between the smallest and largest level ratio', () => {
    for (const o of inference.overall) {
      const levels = inference.comparisons.filter((c) => c.candidate === o.candidate && c.part === o.part && c.metric === o.metric)
        .map((c) => (o.statistic === 'mean' ? c.mean_ratio : c.median_ratio));
      assert.ok(Math.min(...levels) - 1e-12 <= o.ratio && o.ratio <= Math.max(...levels) + 1e-12);
    }
  });

  it('flags a mean carried by a few activations, naming them and how much', () => {
    const values = Float64Array.from([...Array.from({ length: 99 }, () => 100), 10_000]).sort();
    const heavy = heavyTailOf('a', values)!;
    assert.deepEqual([heavy.few, heavy.slowest_ms, heavy.mean_without_ms, heavy.mean_ms], [1, [10_000], 100, 199]);
    assert.equal(heavyTailOf('a', Float64Array.from(Array.from({ length: 100 }, (_, i) => 100 + i))), null);
  });
});
