// The group figures a report shows: analyze's groups (pre-aggregated rows included: analyze
// pools them), each tagged with where it came from and how many runs stand behind it. Full
// precision here; the model rounds.
import { configurationName } from '../analyze/names.js';
import type { Analysis, GroupFigures, Table } from '../types.js';

/**
 * errors and cold are null for aggregate rows, which carry no error or cold counts. Only groups
 * at a recorded concurrency level: the documents are laid out by level (modelCaveats counts the others).
 */
export interface ReportGroup extends Omit<GroupFigures, 'concurrency'> {
  concurrency: number;
  /** Where the figures come from: raw activations, or rows the data's authors had aggregated. */
  from: 'activations' | 'aggregates';
  /** Independent runs behind the group: aggregate rows, or distinct repetitions (1 when unknown). */
  runs: number;
}

const key = (runtime: string, concurrency: number | null) => `${concurrency}\u0000${runtime}`;

/** Runtimes in order of first appearance in the inputs (then any others analyze reported). */
export function runtimeOrder(table: Table, analysis: Analysis): string[] {
  const order: string[] = [];
  const add = (runtime: string) => {
    if (!order.includes(runtime)) order.push(runtime);
  };
  for (const source of table.sources) source.runtimes.forEach(add);
  for (const row of table.activations) if (row.composition == null && !order.includes(row.runtime)) add(row.runtime);
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
  const aggregateRowCounts = new Map<string, number>();
  for (const row of table.aggregates) {
    const k = key(row.runtime, row.concurrency);
    aggregateRowCounts.set(k, (aggregateRowCounts.get(k) ?? 0) + 1);
  }

  const leveled = analysis.groups.filter((g): g is GroupFigures & { concurrency: number } => g.concurrency !== null);
  const groups: ReportGroup[] = leveled.map((group) => {
    const k = key(group.runtime, group.concurrency);
    const reps = repetitions.get(k);
    return reps
      ? { ...group, from: 'activations', runs: reps.size }
      : { ...group, from: 'aggregates', runs: aggregateRowCounts.get(k) ?? 1 };
  });
  const order = runtimeOrder(table, analysis);
  return groups.sort(
    (a, b) => order.indexOf(a.runtime) - order.indexOf(b.runtime) || a.concurrency - b.concurrency,
  );
}

/**
 * A group's display label: the runtime's, and where the runtime holds several functions or memory
 * sizes (never pooled), which one: "nodejs:20 (resize, 256 MB)".
 */
export function groupLabel(g: ReportGroup, label: string, groups: readonly ReportGroup[]): string {
  const same = groups.filter((o) => o.runtime === g.runtime);
  if (same.every((o) => o.function === g.function && o.memory_mb === g.memory_mb)) return label;
  return `${label} (${configurationName(g)})`;
}
