// Trends against concurrency: a least-squares slope with its 95% interval, and a verdict that
// names a direction only when the interval excludes zero. Never a curve shape: telling linear
// from exponential would need a model comparison this data cannot carry.
import type { TrendFit } from '../types.js';
import type { LevelFigures } from './columns.js';
import { BOOTSTRAP } from './bootstrap.js';
import { normalSf, studentTQuantile } from './distributions.js';
import { typeQuantile } from './cluster-bootstrap.js';

/** Fewer levels than this: 'too thin' (a line through two points has no error left to judge). */
export const MIN_TREND_LEVELS = 3;
/** 'flat': even the interval's ends change the metric by at most this share of its mean. */
export const FLAT_SHARE = 0.2;

/** One level of a runtime: its figures, its activations' total count and resampled mean totals. */
export interface TrendLevel {
  figures: LevelFigures;
  /** Activations with a total; 0 for pre-aggregated rows. */
  totals: number;
  /** Means of total_ms resampled over whole runs (run-replicates.ts); undefined below 4 runs, or with one run a level. */
  meanReplicates: Float64Array | undefined;
  /** The runs behind the level. */
  runs: number;
}

/** Both fits for a runtime with raw activations; only `avg_total` for pre-aggregated rows. */
export function trendsOf(runtime: string, levels: readonly TrendLevel[]): TrendFit[] {
  const known = levels.filter((l) => l.figures.avg_total !== null).sort((a, b) => a.figures.concurrency - b.figures.concurrency);
  const out = [overLevelMeans(runtime, known)];
  if (known.length > 0 && known.every((l) => l.totals > 0)) out.push(overActivations(runtime, known));
  return out;
}

/** avg_total against concurrency, one point per level; t interval with k − 2 degrees of freedom. */
function overLevelMeans(runtime: string, levels: readonly TrendLevel[]): TrendFit {
  const x = levels.map((l) => l.figures.concurrency);
  const y = levels.map((l) => l.figures.avg_total as number);
  const k = x.length;
  const base = { runtime, metric: 'avg_total' as const, levels: x };
  if (k < 2) return { ...base, slope: null, ci_low: null, ci_high: null, verdict: 'too thin' };
  const fit = leastSquares(x, y, x.map(() => 1));
  if (k < MIN_TREND_LEVELS) return { ...base, slope: fit.slope, ci_low: null, ci_high: null, verdict: 'too thin' };
  let sse = 0;
  for (let i = 0; i < k; i++) sse += (y[i] - fit.intercept - fit.slope * x[i]) ** 2;
  const half = studentTQuantile(1 - (1 - BOOTSTRAP.level) / 2, k - 2) * Math.sqrt(sse / (k - 2) / fit.sxx);
  const ci: [number, number] = [fit.slope - half, fit.slope + half];
  return { ...base, slope: fit.slope, ci_low: ci[0], ci_high: ci[1], verdict: verdictOf(ci, x, fit.meanY) };
}

/**
 * total_ms against concurrency over every activation. With x fixed within a level, the slope
 * depends on the data only through the level means and counts, so resampling each level's runs
 * (weights kept) gives a replicate slope from the levels' resampled means.
 */
function overActivations(runtime: string, levels: readonly TrendLevel[]): TrendFit {
  const x = levels.map((l) => l.figures.concurrency);
  const weights = levels.map((l) => l.totals);
  const fit = leastSquares(x, levels.map((l) => l.figures.avg_total as number), weights);
  const base = { runtime, metric: 'total_ms' as const, levels: x, slope: x.length < 2 ? null : fit.slope };
  const replicates = levels.map((l) => l.meanReplicates);
  if (x.length < MIN_TREND_LEVELS || replicates.some((r) => r === undefined)) {
    return { ...base, ci_low: null, ci_high: null, verdict: 'too thin' };
  }
  const slopes = new Float64Array(BOOTSTRAP.resamples);
  for (let b = 0; b < slopes.length; b++) {
    slopes[b] = leastSquares(x, replicates.map((r) => (r as Float64Array)[b]), weights).slope;
  }
  const ci = widenedInterval(slopes, levels.map((l) => l.runs));
  if (ci === null) return { ...base, ci_low: null, ci_high: null, verdict: 'too thin' };
  return { ...base, ci_low: ci[0], ci_high: ci[1], verdict: verdictOf(ci, x, fit.meanY) };
}

/**
 * Over resampled runs, the percentile interval is too narrow at a few runs a level: a level's
 * bootstrap variance is (r − 1)/r of its mean's, and the slope's spread is estimated from Σ(r − 1)
 * degrees of freedom. So the tail is taken where z = √(r/(r − 1))·t(Σ(r − 1)), r the fewest runs
 * (the expanded percentile interval of cluster-bootstrap.ts, for a slope); the null simulation in
 * test/analyze/trend-unit.test.ts holds its false trends at 5% or fewer.
 */
function widenedInterval(slopes: Float64Array, runs: readonly number[]): [number, number] | null {
  for (let b = 0; b < slopes.length; b++) if (!Number.isFinite(slopes[b])) return null;
  const fewest = Math.min(...runs);
  const df = runs.reduce((sum, r) => sum + r - 1, 0);
  const alpha = 1 - BOOTSTRAP.level;
  const tail = normalSf(Math.sqrt(fewest / (fewest - 1)) * studentTQuantile(1 - alpha / 2, df));
  const sorted = slopes.slice().sort();
  return [typeQuantile(sorted, tail), typeQuantile(sorted, 1 - tail)];
}

/** Weighted least squares of y on x (weights: points per x). */
function leastSquares(x: readonly number[], y: readonly number[], w: readonly number[]) {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  const meanX = sx / sw;
  const meanY = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - meanX) ** 2;
    sxy += w[i] * (x[i] - meanX) * (y[i] - meanY);
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX, sxx, meanY };
}

function verdictOf([low, high]: [number, number], x: readonly number[], meanY: number): TrendFit['verdict'] {
  if (low > 0) return 'grows';
  if (high < 0) return 'shrinks';
  const span = x[x.length - 1] - x[0];
  return Math.max(-low, high) * span <= FLAT_SHARE * Math.abs(meanY) ? 'flat' : 'too thin';
}
