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
 * avg_init "N/A" (null) means no row was cold: then cold = 0 and exec = duration. A single row
 * with an init time was cold: exec = duration − init. Otherwise the cold rows are unknown, and
 * so are `cold` and avg_exec.
 */
export function figuresOfAggregate(row: AggregateRow, repetition: number | null = null): GroupFigures {
  const allWarm = row.avg_init === null;
  const oneCold = row.count === 1 && row.avg_init !== null;
  let avgExec: number | null = null;
  if (row.avg_duration !== null && row.avg_init === null) avgExec = row.avg_duration;
  else if (row.avg_duration !== null && row.avg_init !== null && oneCold) avgExec = row.avg_duration - row.avg_init;
  return {
    runtime: row.runtime,
    concurrency: row.concurrency,
    ...(repetition === null ? {} : { repetition }),
    count: row.count,
    errors: null,
    cold: allWarm ? 0 : oneCold ? 1 : null,
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
