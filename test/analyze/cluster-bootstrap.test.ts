// The cluster bootstrap's pieces against numpy and scipy: the pooled median of resampled runs, the
// expanded percentile tail, and the interval's behaviour at the edges.
import assert from 'node:assert/strict';
import { expandedRatioInterval, expandedTail, MIN_UNITS, typeQuantile, unitReplicates } from '../../src/analyze/cluster-bootstrap.js';
import { coverage } from '../../bench/coverage/simulate.js';
import { BOOTSTRAP } from '../../src/analyze/bootstrap.js';
import { mulberry32 } from '../../src/analyze/prng.js';
import { sampleOf } from '../../src/analyze/run-cells.js';
import { runPython, scipyMissing } from './python.js';

describe('analyze/cluster-bootstrap', () => {
  it('resamples whole runs: with one value per run repeated, every replicate median is a run\'s value or a midpoint', () => {
    const runs = [[1, 1, 1], [5, 5, 5], [9, 9, 9]].map(sampleOf);
    const medians = unitReplicates(runs, 'median', 'run', mulberry32(4));
    assert.ok(medians);
    for (const m of medians) assert.ok([1, 3, 5, 7, 9].includes(m), `median ${m}`);
    const means = unitReplicates(runs, 'mean', 'run', mulberry32(4)) as Float64Array;
    for (const m of means) assert.ok(Math.abs(m * 3 - Math.round(m * 3)) < 1e-9 && m >= 1 && m <= 9, `mean ${m}`);
    assert.equal(means.length, BOOTSTRAP.resamples);
  });

  it('finds the pooled median of the chosen runs as numpy.median of their concatenation', () => {
    const u = mulberry32(11);
    const runs = Array.from({ length: 4 }, (_, r) => sampleOf(Array.from({ length: 3 + r }, () => Math.round(u() * 50))));
    // Replay the resampler's choices with the same stream to rebuild each resample by hand.
    const replay = mulberry32(21);
    const medians = unitReplicates(runs, 'median', 'run', mulberry32(21)) as Float64Array;
    const resamples: number[][] = [];
    for (let b = 0; b < 50; b++) {
      const picked: number[] = [];
      for (let i = 0; i < runs.length; i++) picked.push(...runs[(replay() * runs.length) | 0].sorted);
      resamples.push(picked);
    }
    const expected = JSON.parse(runPython(['-c', 'import json,sys,numpy as np; print(json.dumps([float(np.median(r)) for r in json.load(sys.stdin)]))'], JSON.stringify(resamples))) as number[];
    expected.forEach((e, b) => assert.equal(medians[b], e, `resample ${b}`));
  });

  it('widens the tail as √(n/(n−1))·t(n−1) says (scipy)', function () {
    if (scipyMissing()) this.skip();
    const expected = JSON.parse(runPython(['-c', 'import json; from scipy.stats import norm, t; import math; print(json.dumps([float(norm.sf(math.sqrt(n/(n-1))*t.ppf(0.975, n-1))) for n in (4, 6, 20)]))'])) as number[];
    [4, 6, 20].forEach((n, i) => assert.ok(Math.abs(expandedTail(n) - expected[i]) < 1e-9, `n = ${n}`));
  });

  it('covers the true ratio 93% of the time or more at MIN_UNITS, with a run effect (a short rerun of bench/coverage/)', () => {
    const run = coverage({ unit: 'run', n: MIN_UNITS.run, perRun: 5, sigma: 1, runSigma: 0.3 }, 300, 77);
    const activation = coverage({ unit: 'activation', n: MIN_UNITS.activation, perRun: MIN_UNITS.activation, sigma: 1, runSigma: 0 }, 300, 78);
    for (const c of [run, activation]) {
      // 300 experiments: a standard error of about 1.3 points around the 95% the method aims at.
      assert.ok((c.mean as number) >= 0.92 && (c.median as number) >= 0.92, JSON.stringify(c));
    }
    const tooFew = coverage({ unit: 'run', n: MIN_UNITS.run - 1, perRun: 5, sigma: 1, runSigma: 0.3 }, 300, 79);
    assert.ok((tooFew.mean as number) < 0.93, `below MIN_UNITS the coverage is poor: ${JSON.stringify(tooFew)}`);
  });

  it('selects the interval\'s ends as sorting the ratios and reading type-7 quantiles gives them, tied or not', () => {
    const u = mulberry32(31);
    for (const [size, n, tied] of [[2000, 4, false], [2000, 30, true], [7, 5, true], [2, 5, false]] as const) {
      const draw = () => (tied ? 1 + Math.round(u() * 5) : Math.exp(u()));
      const baseline = Float64Array.from({ length: size }, draw);
      const candidate = Float64Array.from({ length: size }, draw);
      const sorted = baseline.map((b, i) => b / candidate[i]).sort();
      const tail = expandedTail(n);
      assert.deepEqual(expandedRatioInterval(baseline, candidate, n), [typeQuantile(sorted, tail), typeQuantile(sorted, 1 - tail)], `${size} replicates, n ${n}`);
    }
  });

  it('gives no interval for a zero denominator, and a point for identical replicates (the caller drops it)', () => {
    assert.equal(expandedRatioInterval(Float64Array.of(1, 2), Float64Array.of(0, 1), 5), null);
    assert.deepEqual(expandedRatioInterval(Float64Array.of(2, 2), Float64Array.of(1, 1), 5), [2, 2]);
  });
});
