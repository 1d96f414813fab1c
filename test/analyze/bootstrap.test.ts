// The bootstrap behind the intervals: a seeded simulation shows they cover the truth at about
// the stated 95%; the O(1) percentile resampling matches resampling by brute force; the same
// data gives the same bytes.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import { BOOTSTRAP, meanReplicates, percentileInterval, quantileReplicates } from '../../src/analyze/bootstrap.js';
import { mulberry32, normal, streamFor } from '../../src/analyze/prng.js';
import { quantileSorted } from '../../src/analyze/quantile.js';
import { row, table } from './table.js';

/** Lognormal totals: wait 0, duration e^(mu + sigma·Z). */
function lognormalRows(runtime: string, concurrency: number, n: number, mu: number, sigma: number, uniform: () => number) {
  return Array.from({ length: n }, () => row({ runtime, concurrency, wait: 0, duration: Math.exp(mu + sigma * normal(uniform)) }));
}

describe('bootstrap intervals cover the truth at about 95% (seeded simulation)', function () {
  this.timeout(120_000);
  // 400 trials of blackbox vs wasm:0.1, 40 activations each, lognormal with sigma 0.5: the true
  // ratio of means and of medians is e^(mu_b − mu_c) = e^0.7 ≈ 2.01.
  const trials = 400;
  const truth = Math.exp(0.7);
  const uniform = mulberry32(20190101);
  const hits = { avg_total: 0, p50_total: 0, group_mean: 0 };
  const trueMean = Math.exp(8 + 0.5 ** 2 / 2); // of the baseline group

  before(() => {
    for (let t = 0; t < trials; t++) {
      // A different level per trial: each trial draws from its own bootstrap streams.
      const rows = [...lognormalRows('blackbox', t + 1, 40, 8, 0.5, uniform), ...lognormalRows('wasm:0.1', t + 1, 40, 7.3, 0.5, uniform)];
      const { speedups, groups } = analyze(table(rows));
      for (const metric of ['avg_total', 'p50_total'] as const) {
        const s = speedups.find((x) => x.concurrency === t + 1 && x.metric === metric)!;
        if (s.ci_low! <= truth && truth <= s.ci_high!) hits[metric]++;
      }
      const [low, high] = groups.find((g) => g.runtime === 'blackbox')!.ci.avg_total!;
      if (low <= trueMean && trueMean <= high) hits.group_mean++;
    }
    console.log(`      coverage over ${trials} trials: ratio of means ${(hits.avg_total / trials * 100).toFixed(1)}%, ` +
      `ratio of medians ${(hits.p50_total / trials * 100).toFixed(1)}%, group mean ${(hits.group_mean / trials * 100).toFixed(1)}%`);
  });

  // A true 95% rate over 400 trials lands in 92.9–97.1% nineteen times in twenty; the percentile
  // bootstrap runs a little narrow at n = 40, so the band is the 90–99%.
  for (const metric of ['avg_total', 'p50_total', 'group_mean'] as const) {
    it(`${metric}: between 90% and 99%`, () => {
      const rate = hits[metric] / trials;
      assert.ok(rate >= 0.9 && rate <= 0.99, `${metric} covered ${rate}`);
    });
  }
});

describe('resampled percentiles in O(1) follow the brute-force bootstrap', () => {
  it('matches resampling n values B times, for the median and p95 of a tied, skewed sample', () => {
    const uniform = mulberry32(5);
    const n = 400;
    const values = Float64Array.from({ length: n }, () => Math.round(Math.exp(6 + normal(uniform)))).sort();
    for (const p of [0.5, 0.95]) {
      const fast = quantileReplicates(values, p, streamFor(`fast ${p}`)) as Float64Array;
      const brute = new Float64Array(BOOTSTRAP.resamples);
      const draw = streamFor(`brute ${p}`);
      const resample = new Float64Array(n);
      for (let b = 0; b < brute.length; b++) {
        for (let i = 0; i < n; i++) resample[i] = values[(draw() * n) | 0];
        brute[b] = quantileSorted(resample.sort(), p);
      }
      // The two bootstrap distributions' quantiles agree within their Monte Carlo error.
      const sortedFast = Float64Array.from(fast).sort();
      const sortedBrute = brute.sort();
      for (const q of [0.025, 0.25, 0.5, 0.75, 0.975]) {
        const a = quantileSorted(sortedFast, q);
        const b = quantileSorted(sortedBrute, q);
        const spread = quantileSorted(sortedBrute, 0.975) - quantileSorted(sortedBrute, 0.025);
        assert.ok(Math.abs(a - b) <= 0.1 * spread, `p ${p}, q ${q}: ${a} vs ${b} (spread ${spread})`);
      }
    }
  });

  it('refuses an interval with fewer than 10 values beyond the percentile', () => {
    const values = Float64Array.from({ length: 199 }, (_, i) => i);
    assert.equal(quantileReplicates(values, 0.95, streamFor('x')), 'too few beyond the percentile');
    assert.ok(quantileReplicates(Float64Array.from({ length: 200 }, (_, i) => i), 0.95, streamFor('x')) instanceof Float64Array);
    assert.ok(quantileReplicates(Float64Array.from({ length: 100 }, (_, i) => i), 0.9, streamFor('x')) instanceof Float64Array);
    assert.equal(quantileReplicates(Float64Array.of(3), 0.5, streamFor('x')), 'too few values');
  });
});

describe('resampled means of large groups: the normal limit', () => {
  // Where analyze switches from resampling to the normal limit (BOOTSTRAP.exactMeanMax values),
  // both give mean ± 1.96·σ̂/√n up to the Monte Carlo error of 2000 resamples (about 2% of the
  // width per end): the switch changes no interval a reader could tell apart.
  const uniform = mulberry32(11);
  const skewed = (n: number) => Float64Array.from({ length: n }, () => Math.exp(7 + 0.8 * normal(uniform)));
  const normalInterval = (values: Float64Array) => {
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    return [mean - 1.959964 * sd / Math.sqrt(n), mean + 1.959964 * sd / Math.sqrt(n)];
  };
  for (const n of [BOOTSTRAP.exactMeanMax, BOOTSTRAP.exactMeanMax + 1]) {
    it(`n = ${n} (${n <= BOOTSTRAP.exactMeanMax ? 'resampled' : 'normal limit'})`, () => {
      const values = skewed(n);
      const [low, high] = percentileInterval(meanReplicates(values, streamFor(`n${n}`)) as Float64Array)!;
      const [expectedLow, expectedHigh] = normalInterval(values);
      const width = expectedHigh - expectedLow;
      assert.ok(Math.abs(low - expectedLow) < 0.06 * width && Math.abs(high - expectedHigh) < 0.06 * width,
        `${low}–${high} vs ${expectedLow}–${expectedHigh}`);
    });
  }
});

describe('a budget on exact resampling', () => {
  it('switches every mean to the normal limit, and says so, when small groups hold too many activations', function () {
    this.timeout(60_000);
    // 13 levels × 1000 activations, 4 means each (wait, exec, duration, total): 52,000 values × 2000
    // resamples = 1.04e8 draws, just over the budget; 12 levels stay under it.
    const uniform = mulberry32(9);
    const rows = (levels: number) => Array.from({ length: levels * 1000 }, (_, i) =>
      row({ runtime: 'x', concurrency: 1 + (i % levels), wait: 1, duration: 100 + uniform() }));
    const over = analyze(table(rows(13)));
    assert.equal(over.intervals.exact_mean_max, 0);
    assert.match(over.warnings[0], /^so many activations in groups of 2000 or fewer/);
    assert.ok(over.groups.every((g) => g.ci.avg_total !== null));
    const under = analyze(table(rows(12)));
    assert.equal(under.intervals.exact_mean_max, BOOTSTRAP.exactMeanMax);
    assert.doesNotMatch(under.warnings.join('\n'), /normal limit/);
  });
});

describe('determinism', () => {
  it('the same data gives the same bytes, whatever else the input holds', () => {
    const uniform = mulberry32(3);
    const rows = [...lognormalRows('blackbox', 1, 30, 8, 0.5, uniform), ...lognormalRows('wasm:0.1', 1, 30, 7, 0.5, uniform)];
    const once = JSON.stringify(analyze(table(rows)));
    assert.equal(JSON.stringify(analyze(table(rows))), once);
    // A group's intervals depend on its own data only: adding another level leaves them as they were.
    const more = [...rows, ...lognormalRows('blackbox', 2, 30, 8, 0.5, uniform)];
    const before = analyze(table(rows)).groups.find((g) => g.runtime === 'blackbox' && g.concurrency === 1)!;
    const after = analyze(table(more)).groups.find((g) => g.runtime === 'blackbox' && g.concurrency === 1)!;
    assert.deepEqual(after.ci, before.ci);
  });
});

describe('percentileInterval selects what a sort would give', () => {
  it('equals numpy type-7 quantiles of the sorted replicates, tied or not', () => {
    const uniform = mulberry32(1);
    for (let t = 0; t < 300; t++) {
      const tied = t % 3 === 0;
      const replicates = Float64Array.from({ length: BOOTSTRAP.resamples }, () => (tied ? Math.floor(uniform() * 20) : uniform() * 100 - 50));
      const sorted = replicates.slice().sort();
      const tail = (1 - BOOTSTRAP.level) / 2;
      assert.deepEqual(percentileInterval(replicates), [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)]);
    }
    assert.equal(percentileInterval(Float64Array.of(1, Infinity)), null);
  });
});
