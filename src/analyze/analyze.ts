// The analyze stage: the activation table in, the group figures and speedups of DESIGN.md §2.3 out.
import type { Analysis, GroupFigures, Table } from '../types.js';
import { UsageError } from '../errors.js';
import { aggregateGroups } from './aggregates.js';
import { chooseBaseline, runtimesInInputOrder } from './baseline.js';
import { collectColumns } from './columns.js';
import { figuresOf } from './figures.js';
import * as msg from './messages.js';
import { poolFigures } from './pool.js';
import { byCodeUnits, computeSpeedups } from './speedups.js';

export interface AnalyzeOptions {
  /** The runtime speedups compare against; default `blackbox` if present, else the first in input order. */
  baseline?: string;
  /** One group per concurrency level (default), or per repetition of each level. */
  by?: 'concurrency' | 'repetition';
}

/**
 * Groups sorted by runtime (plain string order, locale-free) then concurrency (then repetition).
 * Speedups always compare concurrency levels, whatever `by` is, plus each runtime overall: the
 * same figures over all its successful activations pooled (for pre-aggregated inputs, the
 * count-weighted means; no percentiles).
 */
export function analyze(table: Table, options: AnalyzeOptions = {}): Analysis {
  const by = options.by ?? 'concurrency';
  const baseline = chooseBaseline(runtimesInInputOrder(table), options.baseline);

  const rawLevels = collectColumns(table.activations, 'concurrency').map((g) => figuresOf(g));
  const aggregateLevels = aggregateGroups(table.aggregates, 'concurrency');
  rejectOverlap(rawLevels, aggregateLevels);
  const levels = [...rawLevels, ...aggregateLevels];

  const groups = by === 'concurrency'
    ? levels
    : [
      ...collectColumns(table.activations, 'repetition').map((g) => figuresOf(g, 'repetition')),
      ...aggregateGroups(table.aggregates, 'repetition'),
    ];

  const overall = overallByRuntime(table, levels, new Set(aggregateLevels.map((g) => g.runtime)));
  return {
    groups: groups.sort(groupOrder),
    speedups: baseline === null ? [] : computeSpeedups(baseline, levels, overall),
  };
}

/** A runtime's figures over all its rows; pooled from its levels where some are pre-aggregated. */
function overallByRuntime(table: Table, levels: GroupFigures[], aggregated: Set<string>): Map<string, GroupFigures> {
  const overall = new Map<string, GroupFigures>();
  for (const group of collectColumns(table.activations, 'runtime')) {
    if (!aggregated.has(group.runtime)) overall.set(group.runtime, figuresOf(group));
  }
  for (const runtime of aggregated) overall.set(runtime, poolFigures(levels.filter((g) => g.runtime === runtime)));
  return overall;
}

function rejectOverlap(raw: GroupFigures[], aggregated: GroupFigures[]): void {
  const rawKeys = new Set(raw.map((g) => `${g.runtime}\u0000${g.concurrency}`));
  const clash = aggregated.find((g) => rawKeys.has(`${g.runtime}\u0000${g.concurrency}`));
  if (clash) throw new UsageError(msg.rawAndAggregated(clash.runtime, clash.concurrency));
}

export function groupOrder(a: GroupFigures, b: GroupFigures): number {
  return byCodeUnits(a.runtime, b.runtime) || a.concurrency - b.concurrency ||
    (a.repetition ?? -Infinity) - (b.repetition ?? -Infinity) || 0;
}
