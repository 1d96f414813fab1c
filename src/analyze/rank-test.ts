// The Mann-Whitney U test and Cliff's δ between two samples, and Holm's correction for testing
// several concurrency levels. Conventions follow scipy.stats.mannwhitneyu(x, y) (two-sided):
// u is U of x, the exact null distribution when both samples are small and untied, else the
// normal approximation with the tie correction and a continuity correction.
import { normalSf } from './distributions.js';
import { isAscending } from './quantile.js';
import { sortAscending } from './sort.js';

/** Both samples at most this large and no ties: the exact distribution of U is enumerated. */
export const EXACT_MAX = 50;

export interface MannWhitneyResult {
  /** #(x > y) + ½·#(x = y) over all pairs. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal';
  /** (#(x > y) − #(x < y)) / (n_x·n_y) = 2u / (n_x·n_y) − 1, in [−1, 1]. */
  cliffs_delta: number;
}

/** Needs one value on each side; the inputs are not modified (sorted copies are made if needed). */
export function mannWhitney(x: Float64Array, y: Float64Array): MannWhitneyResult {
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0) throw new RangeError('mannWhitney: both samples need a value');
  const { rankSumX, tieTerm, ties } = ranks(ascending(x), ascending(y));
  const u = rankSumX - (nx * (nx + 1)) / 2;
  const big = Math.max(u, nx * ny - u);
  let p: number;
  let method: MannWhitneyResult['method'];
  if (!ties && nx <= EXACT_MAX && ny <= EXACT_MAX) {
    method = 'exact';
    p = 2 * exactUpperTail(nx, ny, Math.round(big));
  } else {
    method = 'normal';
    const n = nx + ny;
    const variance = ((nx * ny) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
    p = variance > 0 ? 2 * normalSf((big - (nx * ny) / 2 - 0.5) / Math.sqrt(variance)) : 1;
  }
  return { u, p: Math.min(1, Math.max(0, p)), method, cliffs_delta: (2 * u) / (nx * ny) - 1 };
}

/** The values themselves when already ascending (analyze sorts its columns once), else a sorted copy. */
function ascending(values: Float64Array): Float64Array {
  return isAscending(values) ? values : sortAscending(values.slice());
}

/**
 * Midranks of the pooled sample: the rank sum of x, Σ(t³ − t) over tie groups, and whether any
 * tie. Walks the two ascending samples together, value by value: O(n), no pooled sort.
 */
function ranks(xs: Float64Array, ys: Float64Array): { rankSumX: number; tieTerm: number; ties: boolean } {
  let i = 0;
  let j = 0;
  let below = 0; // values ranked so far
  let rankSumX = 0;
  let tieTerm = 0;
  while (i < xs.length || j < ys.length) {
    const value = j >= ys.length || (i < xs.length && xs[i] <= ys[j]) ? xs[i] : ys[j];
    let inX = 0;
    let inY = 0;
    while (i < xs.length && xs[i] === value) { i++; inX++; }
    while (j < ys.length && ys[j] === value) { j++; inY++; }
    const t = inX + inY;
    rankSumX += inX * (below + (t + 1) / 2);
    tieTerm += t * t * t - t;
    below += t;
  }
  return { rankSumX, tieTerm, ties: tieTerm > 0 };
}

/**
 * P(U ≥ u) under the null, with no ties: the frequencies of U for (m, n) by the recurrence
 * f(m, n; u) = f(m − 1, n; u − n) + f(m, n − 1; u) (Mann & Whitney 1947), in doubles (sums only).
 */
export function exactUpperTail(m: number, n: number, u: number): number {
  const top = m * n;
  // freq[j] holds f(j, t; ·) for the current t; with t = 0 every j has only U = 0.
  const freq = Array.from({ length: m + 1 }, () => {
    const f = new Float64Array(top + 1);
    f[0] = 1;
    return f;
  });
  for (let t = 1; t <= n; t++) {
    // In place, j ascending: freq[j] still holds t − 1 (largest value a y), freq[j − 1] already t.
    for (let j = 1; j <= m; j++) {
      const f = freq[j];
      const prev = freq[j - 1];
      for (let k = t; k <= top; k++) f[k] += prev[k - t];
    }
  }
  const all = freq[m];
  let total = 0;
  let tail = 0;
  for (let k = 0; k <= top; k++) {
    total += all[k];
    if (k >= u) tail += all[k];
  }
  return tail / total;
}

/** Holm's step-down adjustment (1979): adjusted p-values in the input's order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/** Romano et al. (2006) thresholds on |δ|, the usual reading of Cliff's δ. */
export function magnitudeOf(delta: number): 'negligible' | 'small' | 'medium' | 'large' {
  const d = Math.abs(delta);
  return d < 0.147 ? 'negligible' : d < 0.33 ? 'small' : d < 0.474 ? 'medium' : 'large';
}
