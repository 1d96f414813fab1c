// The coverage simulation behind MIN_UNITS (src/analyze/cluster-bootstrap.ts, issue 11): how often
// the 95% interval owbench prints holds the true ratio, for lognormal data with a known 2× ratio,
// with and without a run effect. Uses the very functions the analysis uses.
import { expandedRatioInterval, unitReplicates, type UnitStatistic } from '../../src/analyze/cluster-bootstrap.js';
import { mulberry32, normal, streamFor, type Uniform } from '../../src/analyze/prng.js';
import { groupMeanInterval } from '../../src/analyze/group-interval.js';
import { sampleOf, type RunSample } from '../../src/analyze/run-cells.js';

export interface Setting {
  unit: 'run' | 'activation';
  /** Units per side: runs (unit run) or activations (unit activation, one run). */
  n: number;
  perRun: number;
  /** Standard deviation of log time within a run, and of the run effect on log time. */
  sigma: number;
  runSigma: number;
}

export interface Coverage extends Setting {
  experiments: number;
  /** Share of experiments whose interval held the truth; null when the method gives no interval at this n. */
  mean: number | null;
  median: number | null;
  /** Share of experiments that got an interval at all (one group's mean: an unbounded one is not given). */
  given?: number;
}

/** log X = μ + u_run + ε: the two runtimes differ by log 2 in μ only, so both true ratios are exactly 2. */
function side(s: Setting, mu: number, uniform: Uniform): RunSample[] {
  const runs = s.unit === 'run' ? s.n : 1;
  const per = s.unit === 'run' ? s.perRun : s.n;
  const out: RunSample[] = [];
  for (let r = 0; r < runs; r++) {
    const effect = s.runSigma * normal(uniform);
    const values: number[] = [];
    for (let i = 0; i < per; i++) values.push(100 * Math.exp(mu + effect + s.sigma * normal(uniform)));
    out.push(sampleOf(values));
  }
  return out;
}

export function coverage(s: Setting, experiments: number, seed: number): Coverage {
  const uniform = mulberry32(seed);
  const hits = { mean: 0, median: 0 };
  const made = { mean: 0, median: 0 };
  for (let e = 0; e < experiments; e++) {
    const slow = side(s, Math.LN2, uniform);
    const fast = side(s, 0, uniform);
    for (const statistic of ['mean', 'median'] as UnitStatistic[]) {
      const rb = unitReplicates(slow, statistic, s.unit, streamFor(`b${seed}/${e}/${statistic}`));
      const rc = unitReplicates(fast, statistic, s.unit, streamFor(`c${seed}/${e}/${statistic}`));
      const ci = rb && rc ? expandedRatioInterval(rb, rc, s.n) : null;
      if (ci) made[statistic]++;
      if (ci && ci[0] <= 2 && 2 <= ci[1]) hits[statistic]++;
    }
  }
  const share = (k: 'mean' | 'median') => (made[k] === 0 ? null : hits[k] / made[k]);
  return { ...s, experiments, mean: share('mean'), median: share('median') };
}

/**
 * One group's mean (one sample, not a ratio), as the Caveats table prints it: how often
 * groupMeanInterval holds the true mean 100·exp((σ² + σ_run²)/2). With one run and no run effect,
 * the truth is that run's mean too, which is all an activation interval claims.
 */
export function groupCoverage(s: Setting, experiments: number, seed: number): Coverage {
  const uniform = mulberry32(seed);
  const truth = 100 * Math.exp((s.sigma ** 2 + s.runSigma ** 2) / 2);
  let hits = 0;
  let made = 0;
  for (let e = 0; e < experiments; e++) {
    const { ci } = groupMeanInterval(side(s, 0, uniform), streamFor(`g${seed}/${e}`), { run: 2, activation: 2 });
    if (ci) made++;
    if (ci && ci[0] <= truth && truth <= ci[1]) hits++;
  }
  return { ...s, experiments, mean: made === 0 ? null : hits / made, median: null, given: made / experiments };
}
