// Rank tests between the baseline and each candidate at every concurrency level they share, per
// component, with Holm's correction across the levels of each (candidate, component).
import type { ComparisonMetric, RankTest } from '../types.js';
import type { LevelColumns } from './columns.js';
import { isAscending } from './quantile.js';
import { holm, magnitudeOf, mannWhitney } from './rank-test.js';
import { byCodeUnits } from './speedups.js';
import { sortAscending } from './sort.js';

/** Significance level of `significant`, after the correction. */
export const ALPHA = 0.05;

/** End to end, and the two components a runtime can win one of and lose the other: start-up and execution. */
export const COMPARISON_METRICS: ReadonlyArray<[ComparisonMetric, 'init' | 'exec' | 'total']> = [
  ['init_ms', 'init'], ['exec_ms', 'exec'], ['total_ms', 'total'],
];

/**
 * Ordered by candidate (string order), level, then metric as listed in COMPARISON_METRICS. Sorts
 * the compared columns in place, once each (the groups belong to this analysis run; their means
 * are already taken): the rank test then walks them without copies.
 */
export function computeComparisons(baseline: string, levels: readonly LevelColumns[]): RankTest[] {
  for (const group of levels) {
    for (const [, column] of COMPARISON_METRICS) if (!isAscending(group[column])) sortAscending(group[column]);
  }
  const base = new Map(levels.filter((g) => g.runtime === baseline).map((g) => [g.concurrency, g]));
  const candidates = [...new Set(levels.map((g) => g.runtime))].filter((r) => r !== baseline).sort(byCodeUnits);
  const out: RankTest[] = [];
  for (const candidate of candidates) {
    const theirs = levels.filter((g) => g.runtime === candidate && base.has(g.concurrency)).sort((a, b) => a.concurrency - b.concurrency);
    const entries: RankTest[] = [];
    for (const group of theirs) {
      const b = base.get(group.concurrency)!;
      for (const [metric, column] of COMPARISON_METRICS) {
        if (b[column].length === 0 || group[column].length === 0) continue;
        const test = mannWhitney(b[column], group[column]);
        entries.push({
          baseline, candidate, concurrency: group.concurrency, metric,
          n_baseline: b[column].length, n_candidate: group[column].length,
          u: test.u, p: test.p, p_adjusted: test.p, method: test.method,
          cliffs_delta: test.cliffs_delta, magnitude: magnitudeOf(test.cliffs_delta), significant: false,
        });
      }
    }
    for (const [metric] of COMPARISON_METRICS) {
      const family = entries.filter((e) => e.metric === metric);
      holm(family.map((e) => e.p)).forEach((adjusted, i) => {
        family[i].p_adjusted = adjusted;
        family[i].significant = adjusted < ALPHA;
      });
    }
    out.push(...entries);
  }
  return out;
}
