// Intervals at the experimental unit (issue 11). With several runs per cell the bootstrap resamples
// whole runs (a cluster bootstrap: the run-to-run spread is what a new run would see); with one run
// per cell it resamples activations and describes that run only. A ratio's interval is the
// expanded percentile interval (Hesterberg 2015, §4.3): the percentile interval taken at the
// nominal level widened by √(n/(n−1))·t(n−1), which the percentile method lacks at small n.
// bench/coverage/ measures the coverage this gives and sets MIN_UNITS below.
import { BOOTSTRAP, meanReplicates, quantileReplicates, select } from './bootstrap.js';
import { normalSf, studentTQuantile } from './distributions.js';
import { medianSearchOf, pooledMedian } from './pooled-median.js';
import type { Uniform } from './prng.js';
import { pooledSortedOf, type RunSample } from './run-cells.js';

export type UnitStatistic = 'mean' | 'median';

/**
 * The fewest units (runs, or activations when each cell is one run) either side needs before a
 * 95% interval is printed: the smallest n at which bench/coverage/ measured ≥ 93% coverage of the
 * true ratio of means and of medians for lognormal data, with and without a run effect.
 */
export const MIN_UNITS = { run: 4, activation: 20 } as const;

/**
 * The least coverage bench/coverage/coverage.md measured at or above MIN_UNITS (2000 experiments
 * per row; σ 0.5 and 1 within runs, run effects 0 to 0.5), which the documents quote.
 */
export const MEASURED_COVERAGE = { mean: 0.943, median: 0.957 } as const;

/** B resampled means or medians of a cell, resampling runs (unit 'run') or activations. */
export function unitReplicates(runs: readonly RunSample[], statistic: UnitStatistic, unit: 'run' | 'activation', uniform: Uniform): Float64Array | null {
  if (unit === 'activation') {
    const sorted = runs.length === 1 ? runs[0].sorted : Float64Array.from(runs.flatMap((r) => [...r.sorted])).sort();
    const out = statistic === 'mean' ? meanReplicates(sorted, uniform) : quantileReplicates(sorted, 0.5, uniform);
    return typeof out === 'string' ? null : out;
  }
  const k = runs.length;
  if (k < 2) return null;
  const counts = new Uint32Array(k);
  const out = new Float64Array(BOOTSTRAP.resamples);
  const search = statistic === 'median' ? medianSearchOf(runs, pooledSortedOf(runs)) : null;
  for (let b = 0; b < out.length; b++) {
    counts.fill(0);
    for (let i = 0; i < k; i++) counts[(uniform() * k) | 0]++;
    out[b] = search === null ? pooledMean(runs, counts) : pooledMedian(search, counts);
  }
  return out;
}

function pooledMean(runs: readonly RunSample[], counts: Uint32Array): number {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < runs.length; r++) {
    sum += counts[r] * runs[r].sum;
    n += counts[r] * runs[r].sorted.length;
  }
  return sum / n;
}

/**
 * The expanded percentile interval of baseline / candidate from both sides' replicates, n the
 * smaller side's number of units; null when a replicate ratio is not finite or positive.
 */
export function expandedRatioInterval(baseline: Float64Array, candidate: Float64Array, n: number): [number, number] | null {
  const ratios = new Float64Array(baseline.length);
  for (let b = 0; b < ratios.length; b++) {
    const r = baseline[b] / candidate[b];
    if (!Number.isFinite(r) || r <= 0) return null;
    ratios[b] = r;
  }
  const tail = expandedTail(n);
  const low = Math.floor((ratios.length - 1) * tail);
  const high = Math.floor((ratios.length - 1) * (1 - tail));
  // Selected, not sorted: with no zero, NaN or infinity among them, the values a sort puts there.
  return [selectedQuantile(ratios, tail, 0), selectedQuantile(ratios, 1 - tail, high > low ? low + 1 : 0)];
}

/** typeQuantile of `values` once sorted, by selection; values before `from` are already the smallest. */
function selectedQuantile(values: Float64Array, p: number, from: number): number {
  const virtual = (values.length - 1) * p;
  const k = Math.floor(virtual);
  select(values, k, from);
  if (k + 1 >= values.length) return values[k];
  let next = values[k + 1];
  for (let i = k + 2; i < values.length; i++) if (values[i] < next) next = values[i];
  return values[k] + (next - values[k]) * (virtual - k);
}

/** α′/2 with z(α′/2) = √(n/(n−1))·t(1 − α/2, n − 1). */
export function expandedTail(n: number): number {
  const alpha = 1 - BOOTSTRAP.level;
  if (n < 2) return alpha / 2;
  return normalSf(Math.sqrt(n / (n - 1)) * studentTQuantile(1 - alpha / 2, n - 1));
}

/** numpy's type-7 p-quantile of ascending values. */
export function typeQuantile(sorted: Float64Array, p: number): number {
  const virtual = (sorted.length - 1) * p;
  const k = Math.floor(virtual);
  if (k + 1 >= sorted.length) return sorted[sorted.length - 1];
  return sorted[k] + (sorted[k + 1] - sorted[k]) * (virtual - k);
}
