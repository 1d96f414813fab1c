// Groups from pre-aggregated rows (DESIGN.md §2.2 format 4). They carry no distribution, so
// percentiles, wait means and error counts are null; the rest is kept, or derived where exact.
import type { AggregateRow, GroupFigures } from '../types.js';
import type { GroupLevel } from './columns.js';
import { noIntervals } from './intervals.js';
import { poolFigures } from './pool.js';

/**
 * Groups by (runtime, concurrency), or by repetition too; rows sharing a group are pooled
 * (poolFigures). A row's repetition counts the earlier rows of its file with the same runtime
 * and concurrency (0-based), as ingest numbers the repeated entries of a grouped input, so the
 * peer's averages line up one for one with the inputs they came from.
 */
export function aggregateGroups(rows: readonly AggregateRow[], level: Exclude<GroupLevel, 'runtime'>): GroupFigures[] {
  const ordinal = new Map<string, number>();
  const members = new Map<string, GroupFigures[]>();
  for (const row of rows) {
    const fileLevel = `${row.source}\u0000${row.runtime}\u0000${row.concurrency}`;
    const position = ordinal.get(fileLevel) ?? 0;
    ordinal.set(fileLevel, position + 1);
    const repetition = level === 'repetition' ? position : null;
    const key = `${row.runtime}\u0000${row.concurrency}\u0000${repetition}`;
    const figures = figuresOfAggregate(row, repetition);
    const list = members.get(key);
    if (list) list.push(figures);
    else members.set(key, [figures]);
  }
  return [...members.values()].map(poolFigures);
}

/**
 * "N/A" (null) means unknown, never 0 (issue 10): an avg_init of N/A does not say that no row was
 * cold, so `cold` and avg_exec are unknown then. Only a single row with an init time is known to
 * have been cold: exec = duration − init. Which rows were cold is unknown otherwise, so the cold
 * and warm parts are too.
 */
export function figuresOfAggregate(row: AggregateRow, repetition: number | null = null): GroupFigures {
  const oneCold = row.count === 1 && row.avg_init !== null;
  const avgExec = row.avg_duration !== null && row.avg_init !== null && oneCold ? row.avg_duration - row.avg_init : null;
  return {
    runtime: row.runtime,
    function: null,
    memory_mb: null,
    concurrency: row.concurrency,
    ...(repetition === null ? {} : { repetition }),
    count: row.count,
    errors: null,
    failures: null,
    missing: null,
    parts: { cold: null, warm: null },
    in_composition: null,
    cold: oneCold ? 1 : null,
    avg_init: row.avg_init,
    max_wait: row.max_wait,
    avg_wait: null,
    avg_duration: row.avg_duration,
    avg_exec: avgExec,
    avg_total: row.avg_total,
    p50_total: null,
    p90_total: null,
    p95_total: null,
    p99_total: null,
    max_total: null,
    // No wait per cold row, and no distribution: neither the cold cost nor any interval.
    avg_cold_cost: null,
    ci: noIntervals(),
  };
}
