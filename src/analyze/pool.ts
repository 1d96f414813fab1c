// Group figures pooled without the rows behind them (pre-aggregated inputs): counts add, means
// weight by the rows they averaged, maxima take the max. Percentiles need the rows: null.
import type { GroupFigures } from '../types.js';
import { noIntervals } from './intervals.js';
import { orNull, weightedMean } from './moments.js';

/** The figures of the union of the groups' rows, where that follows from the figures alone. */
export function poolFigures(list: readonly GroupFigures[]): GroupFigures {
  if (list.length === 0) throw new Error('poolFigures: no groups to pool');
  if (list.length === 1) return list[0];
  const counts = list.map((g) => g.count);
  const colds = known(list.map((g) => g.cold));
  const byCount = (field: 'avg_wait' | 'avg_duration' | 'avg_exec' | 'avg_total') =>
    pooledMean(list.map((g) => g[field]), counts);
  return {
    ...list[0],
    count: sum(counts),
    errors: mapKnown(known(list.map((g) => g.errors)), sum),
    // Pooled groups come from pre-aggregated rows: no failures by status, no parts, no missing counts.
    failures: null,
    missing: null,
    parts: { cold: null, warm: null },
    in_composition: null,
    cold: mapKnown(colds, sum),
    avg_init: colds ? pooledMean(list.map((g) => g.avg_init), colds) : null,
    max_wait: mapKnown(known(list.map((g) => g.max_wait)), (v) => Math.max(...v)),
    avg_wait: byCount('avg_wait'),
    avg_duration: byCount('avg_duration'),
    avg_exec: byCount('avg_exec'),
    avg_total: byCount('avg_total'),
    p50_total: null,
    p90_total: null,
    p95_total: null,
    p99_total: null,
    max_total: mapKnown(known(list.map((g) => g.max_total)), (v) => Math.max(...v)),
    avg_cold_cost: colds ? pooledMean(list.map((g) => g.avg_cold_cost), colds) : null,
    ci: noIntervals(),
  };
}

/** Weighted mean of group means; null if a group with rows lacks its mean. */
export function pooledMean(values: readonly (number | null)[], weights: readonly number[]): number | null {
  if (values.some((v, i) => v === null && weights[i] > 0)) return null;
  return orNull(weightedMean(values.map((v) => v ?? 0), weights));
}

function known(values: (number | null)[]): number[] | null {
  return values.every((v): v is number => v !== null) ? values : null;
}

function mapKnown(values: number[] | null, f: (v: number[]) => number): number | null {
  return values === null ? null : f(values);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
