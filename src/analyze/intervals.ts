// Each group's bootstrap: resampled means and percentiles per figure (kept for the ratios of
// speedups and the slopes of trends), their 95% intervals, and why a figure has none.
import type { GroupIntervals, IntervalFigure } from '../types.js';
import { BOOTSTRAP, meanReplicates, percentileInterval, quantileReplicates, type NoInterval } from './bootstrap.js';
import type { GroupColumns } from './columns.js';
import { streamFor } from './prng.js';
import { isAscending, TOTAL_PERCENTILES } from './quantile.js';
import { sortAscending } from './sort.js';

export const INTERVAL_FIGURES: readonly IntervalFigure[] = [
  'avg_init', 'avg_wait', 'avg_cold_cost', 'avg_exec', 'avg_duration', 'avg_total',
  'p50_total', 'p90_total', 'p95_total', 'p99_total',
];

/** Each mean and the column it averages. */
export const MEAN_COLUMNS: ReadonlyArray<[IntervalFigure, 'init' | 'wait' | 'coldCost' | 'exec' | 'duration' | 'total']> = [
  ['avg_init', 'init'], ['avg_wait', 'wait'], ['avg_cold_cost', 'coldCost'],
  ['avg_exec', 'exec'], ['avg_duration', 'duration'], ['avg_total', 'total'],
];

export type Replicates = Partial<Record<IntervalFigure, Float64Array>>;

export interface GroupBootstrap {
  replicates: Replicates;
  /** Figures the group has (a value) but no interval for, and why. */
  missing: Array<{ figure: IntervalFigure; reason: NoInterval }>;
}

/** Intervals of pre-aggregated groups, and the starting point of every group: none. */
export function noIntervals(): GroupIntervals {
  return Object.fromEntries(INTERVAL_FIGURES.map((f) => [f, null])) as GroupIntervals;
}

/**
 * Resamples every figure of the group. `key` names the group (runtime, level) so that each figure
 * draws from its own seeded stream. Figures with no value at all (no cold activation) are skipped.
 */
export function bootstrapGroup(group: GroupColumns, key: string, exactMeanMax: number = BOOTSTRAP.exactMeanMax): GroupBootstrap {
  const replicates: Replicates = {};
  const missing: GroupBootstrap['missing'] = [];
  const record = (figure: IntervalFigure, result: Float64Array | NoInterval) => {
    if (typeof result === 'string') missing.push({ figure, reason: result });
    else replicates[figure] = result;
  };
  for (const [figure, column] of MEAN_COLUMNS) {
    const values = group[column];
    if (values.length > 0) record(figure, meanReplicates(values, streamFor(`${key}\u0000${figure}`), exactMeanMax));
  }
  if (group.total.length > 0) {
    const sorted = isAscending(group.total) ? group.total : sortAscending(group.total.slice());
    for (const [figure, p] of Object.entries(TOTAL_PERCENTILES) as Array<[IntervalFigure, number]>) {
      record(figure, quantileReplicates(sorted, p, streamFor(`${key}\u0000${figure}`)));
    }
  }
  return { replicates, missing };
}

export function intervalsOf(bootstrap: GroupBootstrap): GroupIntervals {
  const ci = noIntervals();
  for (const figure of INTERVAL_FIGURES) {
    const replicates = bootstrap.replicates[figure];
    if (replicates) ci[figure] = percentileInterval(replicates);
  }
  return ci;
}
