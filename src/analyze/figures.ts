// The figures of DESIGN.md §2.3 for one group of activations, computed on its typed columns.
import type { GroupFigures } from '../types.js';
import type { GroupColumns, GroupLevel } from './columns.js';
import { noIntervals } from './intervals.js';
import { max, mean, orNull } from './moments.js';
import { quantileSorted, TOTAL_PERCENTILES } from './quantile.js';

/**
 * Latency figures over the group's successful activations; errors are only counted. Sorts the
 * group's `total` column in place (the columns belong to this analysis run).
 */
export function figuresOf(group: GroupColumns, level: GroupLevel = 'concurrency'): GroupFigures {
  const avgTotal = orNull(mean(group.total)); // before sorting: the mean sums in row order, as pandas does
  const total = group.total.sort();
  const figures: GroupFigures = {
    runtime: group.runtime,
    concurrency: group.concurrency,
    ...(level === 'repetition' ? { repetition: group.repetition } : {}),
    count: group.count,
    errors: group.errors,
    cold: group.init.length,
    avg_init: orNull(mean(group.init)),
    max_wait: orNull(max(group.wait)),
    avg_wait: orNull(mean(group.wait)),
    avg_duration: orNull(mean(group.duration)),
    avg_exec: orNull(mean(group.exec)),
    avg_total: avgTotal,
    p50_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p50_total)),
    p90_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p90_total)),
    p95_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p95_total)),
    p99_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p99_total)),
    max_total: orNull(max(total)),
    avg_cold_cost: orNull(mean(group.coldCost)),
    ci: noIntervals(), // filled in by analyze, from the bootstrap
  };
  return figures;
}
