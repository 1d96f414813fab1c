// The test at the experimental unit (issue 11): a permutation test of the difference in mean
// log time between two sets of units (runs' means, or activations when each cell is one run).
// Exact (every split enumerated, ties counted as they fall) when the splits are few, seeded
// Monte Carlo when they are many; for large activation samples the Mann-Whitney normal
// approximation, which there is accurate and costs O(n).
import type { Uniform } from './prng.js';
import { mannWhitney } from './rank-test.js';

/** At most this many splits: every one is enumerated (C(16, 8) = 12,870). */
export const EXACT_SPLITS = 20_000;
/** Random splits of the Monte Carlo test; its p is (1 + #as extreme) / (1 + this). */
export const RANDOM_SPLITS = 4_000;
/** Beyond this many units in all, the rank test's normal approximation. */
export const PERMUTATION_MAX_UNITS = 400;

export type UnitTestMethod = 'exact permutation' | 'monte carlo permutation' | 'normal approximation';

export interface UnitTestResult {
  p: number;
  method: UnitTestMethod;
}

/** Two-sided; both samples need a value. Values are times (≥ 0), compared as log(1 + t). */
export function unitTest(x: Float64Array, y: Float64Array, uniform: Uniform): UnitTestResult {
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) throw new RangeError('unitTest: both samples need a value');
  if (n + m > PERMUTATION_MAX_UNITS) return { p: mannWhitney(x, y).p, method: 'normal approximation' };
  const pooled = new Float64Array(n + m);
  for (let i = 0; i < n; i++) pooled[i] = Math.log1p(x[i]);
  for (let j = 0; j < m; j++) pooled[n + j] = Math.log1p(y[j]);
  let total = 0;
  for (const v of pooled) total += v;
  let observedSum = 0;
  for (let i = 0; i < n; i++) observedSum += pooled[i];
  // Signed difference of means; two-sided p as scipy's permutation_test: twice the smaller tail.
  const statistic = (sumX: number) => sumX / n - (total - sumX) / m;
  const observed = statistic(observedSum);
  const slack = 1e-9 * Math.max(1, Math.abs(observed)); // splits equal up to rounding are ties, in both tails
  const tails = { above: 0, below: 0 };
  const count = (sumX: number) => {
    const t = statistic(sumX);
    if (t >= observed - slack) tails.above++;
    if (t <= observed + slack) tails.below++;
  };
  if (choose(n + m, Math.min(n, m)) <= EXACT_SPLITS) {
    const splits = enumerate(pooled, n, count);
    return { p: Math.min(1, (2 * Math.min(tails.above, tails.below)) / splits), method: 'exact permutation' };
  }
  const work = pooled.slice();
  for (let b = 0; b < RANDOM_SPLITS; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) { // partial Fisher–Yates: the first n places are a random subset
      const k = i + ((uniform() * (n + m - i)) | 0);
      const t = work[i]; work[i] = work[k]; work[k] = t;
      sum += work[i];
    }
    count(sum);
  }
  const p = (2 * (1 + Math.min(tails.above, tails.below))) / (1 + RANDOM_SPLITS);
  return { p: Math.min(1, p), method: 'monte carlo permutation' };
}

/** Every way to choose n of the pooled values as the first sample, each visited with its sum; returns how many. */
function enumerate(pooled: Float64Array, n: number, visit: (sumX: number) => void): number {
  const size = pooled.length;
  let splits = 0;
  const walk = (start: number, left: number, sum: number): void => {
    if (left === 0) {
      splits++;
      visit(sum);
      return;
    }
    for (let i = start; i <= size - left; i++) walk(i + 1, left - 1, sum + pooled[i]);
  };
  walk(0, n, 0);
  return splits;
}

export function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
