// The group figures a report shows: analyze's groups, plus (for a table of pre-aggregated rows
// that analyze did not turn into groups) the same figures combined from those rows, so the seed's
// aggregate blocks report like raw data. Full precision here; the model rounds.
import { noIntervals } from '../analyze/index.js';
import type { AggregateRow, Analysis, GroupFigures, Table } from '../types.js';

/** errors and cold are null for aggregate rows, which carry no error or cold counts. */
export interface ReportGroup extends GroupFigures {
  /** Where the figures come from: raw activations, or rows the data's authors had aggregated. */
  from: 'activations' | 'aggregates';
  /** Independent runs behind the group: aggregate rows, or distinct repetitions (1 when unknown). */
  runs: number;
}

const key = (runtime: string, concurrency: number) => `${concurrency}\u0000${runtime}`;

/** Runtimes in order of first appearance in the inputs (then any others analyze reported). */
export function runtimeOrder(table: Table, analysis: Analysis): string[] {
  const order: string[] = [];
  const add = (runtime: string) => {
    if (!order.includes(runtime)) order.push(runtime);
  };
  for (const source of table.sources) source.runtimes.forEach(add);
  for (const row of table.activations) if (!order.includes(row.runtime)) add(row.runtime);
  for (const row of table.aggregates) add(row.runtime);
  for (const group of analysis.groups) add(group.runtime);
  return order;
}

export function reportGroups(table: Table, analysis: Analysis): ReportGroup[] {
  const repetitions = new Map<string, Set<number | null>>();
  for (const row of table.activations) {
    const k = key(row.runtime, row.concurrency);
    const seen = repetitions.get(k) ?? new Set<number | null>();
    seen.add(row.repetition);
    repetitions.set(k, seen);
  }
  const aggregateRows = new Map<string, AggregateRow[]>();
  for (const row of table.aggregates) {
    const k = key(row.runtime, row.concurrency);
    aggregateRows.set(k, [...(aggregateRows.get(k) ?? []), row]);
  }

  const groups: ReportGroup[] = analysis.groups.map((group) => {
    const k = key(group.runtime, group.concurrency);
    const reps = repetitions.get(k);
    return reps
      ? { ...group, from: 'activations', runs: reps.size }
      : { ...group, from: 'aggregates', runs: aggregateRows.get(k)?.length ?? 1 };
  });
  const covered = new Set(groups.map((g) => key(g.runtime, g.concurrency)));
  for (const [k, rows] of aggregateRows) {
    if (!covered.has(k)) groups.push(combineAggregates(rows));
  }
  const order = runtimeOrder(table, analysis);
  return groups.sort(
    (a, b) => order.indexOf(a.runtime) - order.indexOf(b.runtime) || a.concurrency - b.concurrency,
  );
}

/** Several rows of one (runtime, concurrency): count-weighted means, the largest max_wait. */
export function combineAggregates(rows: AggregateRow[]): ReportGroup {
  const count = rows.reduce((sum, row) => sum + row.count, 0);
  const mean = (pick: (row: AggregateRow) => number | null): number | null => {
    const known = rows.filter((row) => pick(row) !== null && row.count > 0);
    const weight = known.reduce((sum, row) => sum + row.count, 0);
    if (weight === 0) return null;
    return known.reduce((sum, row) => sum + (pick(row) as number) * row.count, 0) / weight;
  };
  const waits = rows.map((row) => row.max_wait).filter((w): w is number => w !== null);
  return {
    runtime: rows[0].runtime,
    concurrency: rows[0].concurrency,
    from: 'aggregates',
    runs: rows.length,
    count,
    // Aggregates carry no error or cold counts and no distribution.
    errors: null,
    cold: null,
    avg_init: mean((row) => row.avg_init),
    max_wait: waits.length ? Math.max(...waits) : null,
    avg_wait: null,
    avg_duration: mean((row) => row.avg_duration),
    avg_exec: null,
    avg_total: mean((row) => row.avg_total),
    p50_total: null,
    p90_total: null,
    p95_total: null,
    p99_total: null,
    max_total: null,
    avg_cold_cost: null,
    ci: noIntervals(),
  };
}
