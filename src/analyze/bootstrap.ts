// The bootstrap behind every interval (DESIGN.md §2.3, issue 7): B resampled statistics per
// group and figure, drawn from a seeded stream, so the same data gives the same bytes. A ratio's
// replicates divide the two groups' replicates pairwise (independent resamples of each side).
import { beta, normal, type Uniform } from './prng.js';
import { quantileSorted } from './quantile.js';

export const BOOTSTRAP = {
  /** Resamples per statistic. */
  resamples: 2000,
  /** Two-sided confidence level of every interval. */
  level: 0.95,
  /** An interval needs at least this many values. */
  minCount: 2,
  /** A percentile's interval needs at least this many values beyond it on its tail side. */
  minTail: 10,
  /**
   * Means of larger groups draw each resampled mean from its normal limit, N(mean, σ̂²/n), the
   * bootstrap distribution's own variance: resampling n values B times would cost n·B draws,
   * and past a few thousand values the two distributions agree to well under 1%.
   */
  exactMeanMax: 2000,
  /**
   * Draws all exact resampling of an analysis may take (about a second): past it, as when a
   * million activations come in a thousand small groups, every mean uses the normal limit.
   */
  exactDrawBudget: 100_000_000,
} as const;

/** Why a figure has no interval. */
export type NoInterval = 'too few values' | 'too few beyond the percentile';

/** B resampled means, or why there are none; resampled exactly up to `exactMax` values. */
export function meanReplicates(values: Float64Array, uniform: Uniform, exactMax: number = BOOTSTRAP.exactMeanMax): Float64Array | NoInterval {
  const n = values.length;
  if (n < BOOTSTRAP.minCount) return 'too few values';
  const out = new Float64Array(BOOTSTRAP.resamples);
  if (n <= exactMax) {
    for (let b = 0; b < out.length; b++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += values[(uniform() * n) | 0];
      out[b] = sum / n;
    }
    return out;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const spread = Math.sqrt(squares / n / n);
  for (let b = 0; b < out.length; b++) out[b] = mean + spread * normal(uniform);
  return out;
}

/** The number of values beyond the p-quantile on its tail side: n·(1 − p) above the median, n·p below. */
export function valuesBeyond(n: number, p: number): number {
  // Rounded so that 100·(1 − 0.9) counts as the 10 it means, not 9.999999999999998.
  return Math.round(n * Math.min(p, 1 - p) * 1e9) / 1e9;
}

/**
 * B resampled p-quantiles (numpy's type 7) of `sorted`, each drawn in O(1) with no resample
 * built: a resample is x₍⌈nU⌉₎ for n uniforms U, so its j-th order statistic is x₍⌈nU₍ⱼ₎⌉₎ with
 * U₍ⱼ₎ ~ Beta(j, n − j + 1), and the next one is U₍ⱼ₎ plus the least of n − j uniforms on the rest.
 * The draws follow the exact bootstrap distribution, for any n, at a cost independent of n.
 */
export function quantileReplicates(sorted: Float64Array, p: number, uniform: Uniform): Float64Array | NoInterval {
  const n = sorted.length;
  if (n < BOOTSTRAP.minCount) return 'too few values';
  if (valuesBeyond(n, p) < BOOTSTRAP.minTail) return 'too few beyond the percentile';
  const virtual = (n - 1) * p;
  const j = Math.floor(virtual) + 1; // 1-based order statistic below the virtual index
  const gamma = virtual - (j - 1);
  const at = (u: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(n * u) - 1))];
  const out = new Float64Array(BOOTSTRAP.resamples);
  for (let b = 0; b < out.length; b++) {
    const uj = beta(uniform, j, n - j + 1);
    const a = at(uj);
    if (gamma === 0) {
      out[b] = a;
      continue;
    }
    const next = uj + (1 - uj) * (1 - Math.pow(uniform(), 1 / (n - j)));
    const c = at(next);
    const diff = c - a;
    out[b] = gamma >= 0.5 ? c - diff * (1 - gamma) : a + diff * gamma; // numpy's lerp, as quantileSorted
  }
  return out;
}

/** Replicates of a ratio: baseline / candidate, pairwise. */
export function ratioReplicates(baseline: Float64Array, candidate: Float64Array): Float64Array {
  const out = new Float64Array(baseline.length);
  for (let b = 0; b < out.length; b++) out[b] = baseline[b] / candidate[b];
  return out;
}

/**
 * The percentile interval at BOOTSTRAP.level (numpy's type-7 quantiles of the replicates); null
 * when a replicate is not finite (a zero denominator). Selects the four order statistics it needs
 * instead of sorting: an analysis computes thousands of these.
 */
export function percentileInterval(replicates: Float64Array): [number, number] | null {
  for (let b = 0; b < replicates.length; b++) if (!Number.isFinite(replicates[b])) return null;
  const work = replicates.slice();
  const tail = (1 - BOOTSTRAP.level) / 2;
  const low = quantileBySelection(work, tail, 0);
  return [low.value, quantileBySelection(work, 1 - tail, low.next).value];
}

/**
 * The p-quantile (type 7) of `values`, whose elements before `from` are already the smallest:
 * quickselect puts the lower order statistic in place, the upper one is the least beyond it.
 * Returns where the next selection may start.
 */
function quantileBySelection(values: Float64Array, p: number, from: number): { value: number; next: number } {
  const n = values.length;
  const virtual = (n - 1) * p;
  const k = Math.floor(virtual);
  select(values, k, from);
  const a = values[k];
  if (k + 1 >= n) return { value: a, next: k + 1 };
  let b = values[k + 1];
  for (let i = k + 2; i < n; i++) if (values[i] < b) b = values[i];
  const gamma = virtual - k;
  const diff = b - a;
  return { value: gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma, next: k + 1 };
}

/** Hoare's quickselect (median-of-three pivots): values[k] becomes the k-th smallest of values[from..]. */
export function select(values: Float64Array, k: number, from: number): void {
  let left = from;
  let right = values.length - 1;
  while (right > left) {
    const middle = (left + right) >>> 1;
    const x = values[left];
    const y = values[middle];
    const z = values[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
