// The analyze stage: the activation table in; the group figures, speedups, intervals, rank tests
// and trends of DESIGN.md §2.3 (and issues 7 and 10) out.
import type { Analysis, GroupFigures, Table } from '../types.js';
import type { ActivationStore } from '../table/store.js';
import { storeOf } from '../table/table.js';
import { UsageError } from '../errors.js';
import { aggregateGroups } from './aggregates.js';
import { chooseBaseline, runtimesInInputOrder } from './baseline.js';
import { BOOTSTRAP } from './bootstrap.js';
import { collectColumns, type ColumnArena, type GroupColumns, type GroupKey, type LevelColumns, type LevelFigures } from './columns.js';
import { computeComparisons } from './comparisons.js';
import { compositionsOf } from './compositions.js';
import { figuresOf, type SortedTotals } from './figures.js';
import { mergeAscending } from './sort.js';
import { groupKeysOf, groupOrder, isDefaultKeys, severalConfigurations } from './group-keys.js';
import { bootstrapGroup, intervalsOf, MEAN_COLUMNS, type GroupBootstrap, type Replicates } from './intervals.js';
import * as msg from './messages.js';
import { poolFigures } from './pool.js';
import { BASE_SEED, streamFor } from './prng.js';
import { byCodeUnits, computeSpeedups } from './speedups.js';
import { trendsOf, type TrendLevel } from './trend.js';
import { groupMeanInterval, meanTotalKey, totalsByGroupAndRun } from './group-interval.js';
import { inferenceOf, startInference } from './inference-thread.js';
import { chooseUnit, runKeyOf } from './unit.js';
import type { RunSample } from './run-cells.js';
import { runMeanReplicates } from './run-replicates.js';
import { analysisWarnings, heavyTailWarnings } from './warnings.js';

export interface AnalyzeOptions {
  /** The runtime speedups compare against; default `blackbox` if present, else the first in input order. */
  baseline?: string;
  /**
   * Keys added to the default group (runtime, function, memory, concurrency): `repetition`,
   * `action` (instead of function), as a list or "action,repetition" (group-keys.ts).
   */
  by?: string | readonly GroupKey[];
}

/** A group's figures with its bootstrap (null for pre-aggregated rows: no distribution). */
interface Analyzed {
  figures: GroupFigures;
  bootstrap: GroupBootstrap | null;
  /** Activations with a total (0 for pre-aggregated rows). */
  totals: number;
}

/**
 * Groups sorted by runtime (plain string order, locale-free), function, memory, concurrency (then
 * action, repetition). Speedups, rank tests and trends compare each runtime's concurrency levels,
 * whatever `by` is, and only runtimes with one function and memory size whose levels are
 * recorded; speedups also compare each runtime overall: the same figures over all its successful
 * activations pooled (for pre-aggregated inputs, the count-weighted means; no percentiles, no
 * intervals). Compositions are in no group: `compositions` reports them.
 */
export function analyze(table: Table, options: AnalyzeOptions = {}): Analysis {
  const keys = groupKeysOf(options.by);
  const keySet = new Set(keys);
  // Every pass reads the activations as columns (src/table/store.ts), never as a million objects.
  const store = storeOf(table);
  const baseline = chooseBaseline(runtimesInInputOrder(table, store), options.baseline);
  // On a second core, while this thread computes the figures below (inference-thread.ts).
  const inferring = baseline === null ? null : startInference(store, baseline);

  // The level groups' columns are let go (null) before the runtimes' are written over the same
  // memory (arena): a million rows' values are held once, not twice (issue 16). Only the levels'
  // sorted totals are kept, merged into arrays of their own.
  const arena: ColumnArena = { block: null };
  let levelColumns: GroupColumns[] | null = collectColumns(store, 'concurrency', arena);
  const several = severalConfigurations(levelColumns);
  let reportedColumns: GroupColumns[] | null = isDefaultKeys(keys) ? levelColumns : collectColumns(store, keys);
  const exactMax = exactMeanMaxFor([...levelColumns, ...(reportedColumns === levelColumns ? [] : reportedColumns), ...runtimeSizes(levelColumns, several)]);
  const analyzedOf = (columns: GroupColumns, shown: ReadonlySet<GroupKey>, key: string, sorted?: SortedTotals) => bootstrapped(columns, shown, key, exactMax, sorted);
  const levelKey = (g: GroupColumns) => groupKey(g, keySet, several);
  const rawLevels = levelColumns.map((g) => analyzedOf(g, new Set(), groupKey(g, new Set(), several)));
  const aggregateLevels = aggregateGroups(table.aggregates, 'concurrency').map(withoutBootstrap);
  rejectOverlap(rawLevels.map((a) => a.figures), aggregateLevels.map((a) => a.figures));
  const levels = [...rawLevels, ...aggregateLevels];
  const unit = chooseUnit(store);
  const runSamples = totalsByGroupAndRun(store, runKeyOf(unit));
  withMeanTotals(runSamples, rawLevels.map((a) => a.figures), several);

  const reported = isDefaultKeys(keys)
    ? levels
    : [
      ...reportedColumns.map((g) => analyzedOf(g, keySet, levelKey(g))),
      ...aggregateGroups(table.aggregates, keySet.has('repetition') ? 'repetition' : 'concurrency').map(withoutBootstrap),
    ];
  reportedColumns = null;

  // What is compared: one configuration per runtime, at recorded levels.
  const compared = levels.filter((a) => !several.has(a.figures.runtime) && a.figures.concurrency !== null);
  const comparisons = baseline === null
    ? []
    : computeComparisons(baseline, levelColumns.filter((g): g is LevelColumns => !several.has(g.runtime) && g.concurrency !== null));
  const sortedTotals = sortedByRuntime(levelColumns, several);
  levelColumns = null;
  // Into the level groups' memory: nothing reads their columns from here on.
  const runtimeColumns = collectColumns(store, 'runtime', arena).filter((g) => !several.has(g.runtime));
  const overall = overallByRuntime(runtimeColumns.map((g) => analyzedOf(g, new Set(), `${g.runtime}\u0000overall`, fitting(sortedTotals.get(g.runtime), g))), compared);
  const replicates = new Map<GroupFigures, Replicates>();
  for (const { figures, bootstrap } of [...compared, ...overall.values()]) {
    if (bootstrap) replicates.set(figures, bootstrap.replicates);
  }
  const overallFigures = new Map([...overall].map(([runtime, a]) => [runtime, a.figures]));
  const unrecorded = [...new Set(levels.filter((a) => a.figures.concurrency === null).map((a) => a.figures.runtime))];
  // Inference at the unit sees exactly the rows that are compared: no compositions, one
  // configuration per runtime; an unrecorded level is one stratum of its own.
  const inference = baseline === null ? undefined : inferenceOf(inferring, store, baseline);
  return {
    groups: reported.map((a) => a.figures).sort(groupOrder),
    compositions: compositionsOf(store),
    speedups: baseline === null
      ? []
      : computeSpeedups(baseline, compared.map((a) => a.figures as LevelFigures), overallFigures, (g) => replicates.get(g)),
    comparisons,
    // One run per level: the levels are different runs, so resampling activations would read the
    // runs' own differences as a trend; only the fit over level means (one point a run) says anything.
    trends: trendsByRuntime(compared, (a) => (unit.unit === 'run' ? runReplicatesOf(a, runSamples, several) : NOT_RESAMPLED)),
    intervals: {
      level: BOOTSTRAP.level, method: 'percentile bootstrap', resamples: BOOTSTRAP.resamples, seed: BASE_SEED,
      exact_mean_max: exactMax,
    },
    warnings: [
      ...(exactMax < BOOTSTRAP.exactMeanMax ? [msg.normalLimitEverywhere(BOOTSTRAP.exactDrawBudget)] : []),
      ...[...several].map(([runtime, configurations]) => msg.severalConfigurations(runtime, configurations)),
      ...(unrecorded.length > 0 ? [msg.concurrencyNotRecorded(unrecorded)] : []),
      ...analysisWarnings([...reported].sort((a, b) => groupOrder(a.figures, b.figures)), comparisons, several),
      ...heavyTailWarnings(inference),
    ],
    ...(inference ? { inference } : {}),
  };
}

/**
 * The seed of a group's bootstrap streams: (runtime, level[, repetition]) as before issue 10, so
 * the same data keeps its intervals, and the configuration or action only where it tells groups apart.
 */
function groupKey(g: Pick<GroupFigures, 'runtime' | 'function' | 'memory_mb' | 'concurrency' | 'repetition' | 'action'>, keys: ReadonlySet<GroupKey>, several: ReadonlyMap<string, string[]>): string {
  let key = `${g.runtime}\u0000${g.concurrency}`;
  if (keys.has('repetition')) key += `\u0000${g.repetition}`;
  if (several.has(g.runtime)) key += `\u0000${g.function}\u0000${g.memory_mb}`;
  if (keys.has('action')) key += `\u0000${g.action}`;
  return key;
}

/** What exactMeanMaxFor reads of a group: how many values each mean averages. */
type MeanSizes = Record<(typeof MEAN_COLUMNS)[number][1], { length: number }>;

/**
 * BOOTSTRAP.exactMeanMax, or 0 (every mean from its normal limit) when exact resampling of all the
 * groups' means would take more than BOOTSTRAP.exactDrawBudget draws. Decided from the table
 * alone, so the same data still gives the same bytes.
 */
function exactMeanMaxFor(groups: readonly MeanSizes[]): number {
  let draws = 0;
  for (const group of groups) {
    for (const [, column] of MEAN_COLUMNS) {
      const n = group[column].length;
      if (n >= BOOTSTRAP.minCount && n <= BOOTSTRAP.exactMeanMax) draws += n * BOOTSTRAP.resamples;
    }
  }
  return draws > BOOTSTRAP.exactDrawBudget ? 0 : BOOTSTRAP.exactMeanMax;
}

/**
 * The sizes of each runtime group's means (runtimes of one configuration), before that group is
 * made: a runtime's rows are exactly its level groups' rows, so each size is the sum of theirs.
 */
function runtimeSizes(levels: readonly GroupColumns[], several: ReadonlyMap<string, unknown>): MeanSizes[] {
  const sizes = new Map<string, MeanSizes>();
  for (const g of levels) {
    if (several.has(g.runtime)) continue;
    let mine = sizes.get(g.runtime);
    if (mine === undefined) sizes.set(g.runtime, (mine = Object.fromEntries(MEAN_COLUMNS.map(([, c]) => [c, { length: 0 }])) as MeanSizes));
    for (const [, column] of MEAN_COLUMNS) mine[column].length += g[column].length;
  }
  return [...sizes.values()];
}

/** Figures, then the bootstrap (figuresOf sorts the totals, which the percentiles' resampling reads). */
function bootstrapped(columns: GroupColumns, shown: ReadonlySet<GroupKey>, key: string, exactMax: number, sorted?: SortedTotals): Analyzed {
  const figures = figuresOf(columns, shown, sorted);
  const bootstrap = bootstrapGroup(columns, key, exactMax);
  figures.ci = intervalsOf(bootstrap);
  return { figures, bootstrap, totals: columns.total.length };
}

/**
 * Each runtime's totals in order, merged from its level groups' (which figuresOf has sorted): its
 * rows are exactly theirs, so the merge is the sort of its own, without sorting a million again.
 */
function sortedByRuntime(levels: readonly GroupColumns[], several: ReadonlyMap<string, unknown>): Map<string, SortedTotals> {
  const out = new Map<string, SortedTotals>();
  for (const runtime of new Set(levels.filter((g) => !several.has(g.runtime)).map((g) => g.runtime))) {
    const mine = levels.filter((g) => g.runtime === runtime);
    const cold = mergeAscending(mine.map((g) => g.coldPart.total));
    const warm = mergeAscending(mine.map((g) => g.warmPart.total));
    // Every total is a cold or a warm one: the two merged are all of them, in order.
    out.set(runtime, { all: mergeAscending([cold, warm]), cold, warm });
  }
  return out;
}

/** The merged totals where their sizes are the runtime group's own; undefined (sort them) should they say otherwise. */
function fitting(sorted: SortedTotals | undefined, runtime: GroupColumns): SortedTotals | undefined {
  if (sorted === undefined) return undefined;
  const fits = sorted.all.length === runtime.total.length && sorted.cold.length === runtime.coldPart.total.length && sorted.warm.length === runtime.warmPart.total.length;
  return fits ? sorted : undefined;
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

type Resampled = Pick<TrendLevel, 'meanReplicates' | 'runs'>;
const NOT_RESAMPLED: Resampled = { meanReplicates: undefined, runs: 1 };

/** `resampled`: each level's mean totals resampled over its runs (trend.ts takes no other). */
function trendsByRuntime(levels: readonly Analyzed[], resampled: (a: Analyzed) => Resampled) {
  const runtimes = [...new Set(levels.map((a) => a.figures.runtime))].sort(byCodeUnits);
  return runtimes.flatMap((runtime) =>
    trendsOf(runtime, levels.filter((a) => a.figures.runtime === runtime).map((a) => ({
      figures: a.figures as LevelFigures,
      totals: a.totals,
      ...resampled(a),
    }))));
}

function runReplicatesOf(a: Analyzed, samples: ReadonlyMap<string, RunSample[]>, several: ReadonlyMap<string, string[]>): Resampled {
  const runs = samples.get(meanTotalKey(a.figures)) ?? [];
  return { meanReplicates: runMeanReplicates(runs, streamFor(`${groupKey(a.figures, new Set(), several)}\u0000trend_runs`)), runs: runs.length };
}

function rejectOverlap(raw: GroupFigures[], aggregated: GroupFigures[]): void {
  const rawKeys = new Set(raw.map((g) => `${g.runtime}\u0000${g.concurrency}`));
  const clash = aggregated.find((g) => rawKeys.has(`${g.runtime}\u0000${g.concurrency}`));
  if (clash) throw new UsageError(msg.rawAndAggregated(clash.runtime, clash.concurrency));
}

/** Each raw level group's mean total at the unit (group-interval.ts), seeded by its group key. */
function withMeanTotals(samples: ReadonlyMap<string, RunSample[]>, groups: GroupFigures[], several: ReadonlyMap<string, string[]>): void {
  for (const g of groups) {
    const runs = samples.get(meanTotalKey(g));
    const key = `${groupKey(g, new Set(), several)}\u0000mean_total`;
    if (runs) g.mean_total = groupMeanInterval(runs, streamFor(key));
  }
}

/** Kept here too: the group order was analyze's before issue 10. */
export { groupOrder } from './group-keys.js';
