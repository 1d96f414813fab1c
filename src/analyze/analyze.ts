// The analyze stage: the activation table in; the group figures, speedups, intervals, rank tests
// and trends of DESIGN.md §2.3 (and issue 7) out.
import type { Analysis, GroupFigures, Table } from '../types.js';
import { UsageError } from '../errors.js';
import { aggregateGroups } from './aggregates.js';
import { chooseBaseline, runtimesInInputOrder } from './baseline.js';
import { BOOTSTRAP } from './bootstrap.js';
import { collectColumns, type GroupColumns, type GroupLevel } from './columns.js';
import { computeComparisons } from './comparisons.js';
import { figuresOf } from './figures.js';
import { bootstrapGroup, intervalsOf, MEAN_COLUMNS, type GroupBootstrap, type Replicates } from './intervals.js';
import * as msg from './messages.js';
import { poolFigures } from './pool.js';
import { BASE_SEED } from './prng.js';
import { byCodeUnits, computeSpeedups } from './speedups.js';
import { trendsOf } from './trend.js';
import { inferAtUnit } from './inference.js';
import { analysisWarnings } from './warnings.js';

export interface AnalyzeOptions {
  /** The runtime speedups compare against; default `blackbox` if present, else the first in input order. */
  baseline?: string;
  /** One group per concurrency level (default), or per repetition of each level. */
  by?: 'concurrency' | 'repetition';
}

/** A group's figures with its bootstrap (null for pre-aggregated rows: no distribution). */
interface Analyzed {
  figures: GroupFigures;
  bootstrap: GroupBootstrap | null;
  /** Activations with a total (0 for pre-aggregated rows). */
  totals: number;
}

/**
 * Groups sorted by runtime (plain string order, locale-free) then concurrency (then repetition).
 * Speedups, rank tests and trends always compare concurrency levels, whatever `by` is; speedups
 * also compare each runtime overall: the same figures over all its successful activations pooled
 * (for pre-aggregated inputs, the count-weighted means; no percentiles, no intervals).
 */
export function analyze(table: Table, options: AnalyzeOptions = {}): Analysis {
  const by = options.by ?? 'concurrency';
  const baseline = chooseBaseline(runtimesInInputOrder(table), options.baseline);

  const levelColumns = collectColumns(table.activations, 'concurrency');
  const repetitionColumns = by === 'repetition' ? collectColumns(table.activations, 'repetition') : [];
  const runtimeColumns = collectColumns(table.activations, 'runtime');
  const exactMax = exactMeanMaxFor([...levelColumns, ...repetitionColumns, ...runtimeColumns]);
  const withBootstrap = (columns: GroupColumns, level: GroupLevel) => bootstrapped(columns, level, exactMax);
  const rawLevels = levelColumns.map((g) => withBootstrap(g, 'concurrency'));
  const aggregateLevels = aggregateGroups(table.aggregates, 'concurrency').map(withoutBootstrap);
  rejectOverlap(rawLevels.map((a) => a.figures), aggregateLevels.map((a) => a.figures));
  const levels = [...rawLevels, ...aggregateLevels];

  const reported = by === 'concurrency'
    ? levels
    : [
      ...repetitionColumns.map((g) => withBootstrap(g, 'repetition')),
      ...aggregateGroups(table.aggregates, 'repetition').map(withoutBootstrap),
    ];

  const overall = overallByRuntime(runtimeColumns.map((g) => withBootstrap(g, 'runtime')), levels);
  const replicates = new Map<GroupFigures, Replicates>();
  for (const { figures, bootstrap } of [...levels, ...overall.values()]) {
    if (bootstrap) replicates.set(figures, bootstrap.replicates);
  }
  const overallFigures = new Map([...overall].map(([runtime, a]) => [runtime, a.figures]));
  const comparisons = baseline === null ? [] : computeComparisons(baseline, levelColumns);
  const inference = baseline === null ? undefined : inferAtUnit(table, baseline);
  return {
    groups: reported.map((a) => a.figures).sort(groupOrder),
    speedups: baseline === null
      ? []
      : computeSpeedups(baseline, levels.map((a) => a.figures), overallFigures, (g) => replicates.get(g)),
    comparisons,
    trends: trendsByRuntime(levels),
    intervals: {
      level: BOOTSTRAP.level, method: 'percentile bootstrap', resamples: BOOTSTRAP.resamples, seed: BASE_SEED,
      exact_mean_max: exactMax,
    },
    warnings: [
      ...(exactMax < BOOTSTRAP.exactMeanMax ? [msg.normalLimitEverywhere(BOOTSTRAP.exactDrawBudget)] : []),
      ...analysisWarnings([...reported].sort((a, b) => groupOrder(a.figures, b.figures)), comparisons),
    ],
    ...(inference ? { inference } : {}),
  };
}

/**
 * BOOTSTRAP.exactMeanMax, or 0 (every mean from its normal limit) when exact resampling of all the
 * groups' means would take more than BOOTSTRAP.exactDrawBudget draws. Decided from the table
 * alone, so the same data still gives the same bytes.
 */
function exactMeanMaxFor(groups: readonly GroupColumns[]): number {
  let draws = 0;
  for (const group of groups) {
    for (const [, column] of MEAN_COLUMNS) {
      const n = group[column].length;
      if (n >= BOOTSTRAP.minCount && n <= BOOTSTRAP.exactMeanMax) draws += n * BOOTSTRAP.resamples;
    }
  }
  return draws > BOOTSTRAP.exactDrawBudget ? 0 : BOOTSTRAP.exactMeanMax;
}

/** Figures, then the bootstrap (figuresOf sorts the totals, which the percentiles' resampling reads). */
function bootstrapped(columns: GroupColumns, level: GroupLevel, exactMax: number): Analyzed {
  const figures = figuresOf(columns, level === 'runtime' ? 'concurrency' : level);
  const key = level === 'runtime' ? `${columns.runtime}\u0000overall`
    : level === 'repetition' ? `${columns.runtime}\u0000${columns.concurrency}\u0000${columns.repetition}`
      : `${columns.runtime}\u0000${columns.concurrency}`;
  const bootstrap = bootstrapGroup(columns, key, exactMax);
  figures.ci = intervalsOf(bootstrap);
  return { figures, bootstrap, totals: columns.total.length };
}

function withoutBootstrap(figures: GroupFigures): Analyzed {
  return { figures, bootstrap: null, totals: 0 };
}

/** A runtime's figures over all its rows; pooled from its levels (no intervals) where some are pre-aggregated. */
function overallByRuntime(runtimes: readonly Analyzed[], levels: readonly Analyzed[]): Map<string, Analyzed> {
  const aggregated = new Set(levels.filter((a) => a.bootstrap === null).map((a) => a.figures.runtime));
  const overall = new Map<string, Analyzed>();
  for (const analyzed of runtimes) {
    if (!aggregated.has(analyzed.figures.runtime)) overall.set(analyzed.figures.runtime, analyzed);
  }
  for (const runtime of aggregated) {
    overall.set(runtime, withoutBootstrap(poolFigures(levels.filter((a) => a.figures.runtime === runtime).map((a) => a.figures))));
  }
  return overall;
}

function trendsByRuntime(levels: readonly Analyzed[]) {
  const runtimes = [...new Set(levels.map((a) => a.figures.runtime))].sort(byCodeUnits);
  return runtimes.flatMap((runtime) =>
    trendsOf(runtime, levels.filter((a) => a.figures.runtime === runtime).map((a) => ({
      figures: a.figures,
      totals: a.totals,
      meanReplicates: a.bootstrap?.replicates.avg_total,
    }))));
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
