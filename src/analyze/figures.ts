// The figures of DESIGN.md §2.3 for one group of activations, computed on its typed columns.
import type { GroupFigures, PartFigures } from '../types.js';
import type { ColumnSet, GroupColumns, GroupKey } from './columns.js';
import { noIntervals } from './intervals.js';
import { max, mean, orNull } from './moments.js';
import { quantileSorted, TOTAL_PERCENTILES } from './quantile.js';
import { mergeAscending, sortAscending } from './sort.js';

/** A group's totals already in ascending order: all of them, the cold ones, the warm ones. */
export interface SortedTotals {
  all: Float64Array;
  cold: Float64Array;
  warm: Float64Array;
}

/**
 * Latency figures over the group's successful activations, and over its cold and warm ones
 * apart; failures are only counted. Leaves the group's `total` columns sorted (the columns belong
 * to this analysis run): the cold and warm ones sorted in place, or taken from `sorted` when the
 * caller has them, and all of them the merge of the two (the cold and warm parts split them).
 * `keys` says which optional keys (action, repetition) to show.
 */
export function figuresOf(group: GroupColumns, keys: ReadonlySet<GroupKey> | 'concurrency' | 'repetition' = 'concurrency', sorted?: SortedTotals): GroupFigures {
  const shows = (key: GroupKey) => (typeof keys === 'string' ? keys === key : keys.has(key));
  const cold = partOf(group.coldPart, sorted?.cold);
  const warm = partOf(group.warmPart, sorted?.warm);
  const all = partOf(group, sorted?.all ?? mergeAscending([group.coldPart.total, group.warmPart.total]));
  const { count: _count, missing, ...figures } = all;
  return {
    runtime: group.runtime,
    function: group.function,
    ...(shows('action') ? { action: group.action } : {}),
    memory_mb: group.memory_mb,
    concurrency: group.concurrency,
    ...(shows('repetition') ? { repetition: group.repetition } : {}),
    count: group.count,
    errors: group.errors,
    failures: { ...group.failures },
    missing,
    parts: { cold, warm },
    in_composition: group.inComposition,
    cold: group.init.length,
    ...figures,
    avg_cold_cost: orNull(mean(group.coldCost)),
    ci: noIntervals(), // filled in by analyze, from the bootstrap
  };
}

/** `sorted`: the set's totals in ascending order, which then replace its own (else these are sorted). */
function partOf(set: ColumnSet, sorted?: Float64Array): PartFigures {
  const avgTotal = orNull(mean(set.total)); // before sorting: the mean sums in row order, as pandas does
  if (sorted !== undefined && sorted.length !== set.total.length) throw new Error('sorted totals of another size');
  const total = sorted ?? sortAscending(set.total);
  set.total = total;
  return {
    count: set.count,
    avg_init: orNull(mean(set.init)),
    max_wait: orNull(max(set.wait)),
    avg_wait: orNull(mean(set.wait)),
    avg_duration: orNull(mean(set.duration)),
    avg_exec: orNull(mean(set.exec)),
    avg_total: avgTotal,
    p50_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p50_total)),
    p90_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p90_total)),
    p95_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p95_total)),
    p99_total: orNull(quantileSorted(total, TOTAL_PERCENTILES.p99_total)),
    max_total: orNull(max(total)),
    missing: { ...set.missing },
  };
}
