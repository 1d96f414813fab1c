// Comparisons at the experimental unit (issue 11): for each candidate, level, part (cold, warm)
// and metric, the ratios of pooled means and medians with their cluster-aware intervals, and a
// permutation test on the units; then Holm across every test at once (one family per document)
// and a stratified overall ratio per (candidate, part, metric).
import { ActivationStore } from '../table/store.js';
import { storeOf } from '../table/table.js';
import type { ComparisonMetric, StratifiedRatio, Table, UnitComparison, UnitInference, UnrecordedLevelComparison } from '../types.js';
import { expandedRatioInterval, MEASURED_COVERAGE, MIN_UNITS, unitReplicates, type UnitStatistic } from './cluster-bootstrap.js';
import { ALPHA } from './comparisons.js';
import { heavyTailOf, nameHeavyTails, type HeavyTail } from './heavy-tail.js';
import { unitTest } from './permutation.js';
import { streamFor } from './prng.js';
import { holm, mannWhitney } from './rank-test.js';
import { collectRunCells, countOf, levelIdsOf, pooledSortedOf, type RunCell, type RunSample, type UnitMetric } from './run-cells.js';
import { byCodeUnits } from './speedups.js';
import { chooseUnit, runKeyOf } from './unit.js';

const METRICS: ReadonlyArray<[ComparisonMetric, UnitMetric]> = [['init_ms', 'init'], ['exec_ms', 'exec'], ['total_ms', 'total']];

/** `compared`: the activations compared (analyze gives its columns; a table's rows are made into columns). */
export function inferAtUnit(compared: ActivationStore | Pick<Table, 'activations'>, baseline: string): UnitInference | undefined {
  const store = compared instanceof ActivationStore ? compared : storeOf(compared);
  if (store.length === 0) return undefined;
  const ids = levelIdsOf(store);
  const choice = chooseUnit(store, ids);
  const cells = collectRunCells(store, runKeyOf(choice), ids);
  const key = (c: Pick<RunCell, 'runtime' | 'concurrency' | 'part'>) => `${c.runtime}\u0000${c.concurrency}\u0000${c.part}`;
  const byKey = new Map(cells.map((c) => [key(c), c]));
  const candidates = [...new Set(cells.map((c) => c.runtime))].filter((r) => r !== baseline).sort(byCodeUnits);
  const all: AnyLevel[] = [];
  const baselineMemo: BaselineMemo = new Map();
  for (const candidate of candidates) {
    // The unrecorded stratum first, as groups order it.
    const theirs = cells.filter((c) => c.runtime === candidate)
      .sort((a, b) => (a.concurrency ?? -Infinity) - (b.concurrency ?? -Infinity) || byCodeUnits(a.part, b.part));
    for (const cell of theirs) {
      const base = byKey.get(key({ ...cell, runtime: baseline }));
      if (!base) continue;
      for (const [metric, column] of METRICS) {
        const b = base.runs[column];
        const c = cell.runs[column];
        if (b.length === 0 || c.length === 0) continue;
        all.push(compare(base, cell, metric, b, c, choice.unit, baselineMemo));
      }
    }
  }
  holm(all.map((c) => c.p)).forEach((adjusted, i) => {
    all[i].p_adjusted = adjusted;
    all[i].significant = adjusted < ALPHA;
  });
  nameHeavyTails(all, store);
  const comparisons = all.filter((c): c is UnitComparison => c.concurrency !== null);
  const unrecorded = all.filter((c): c is UnrecordedLevelComparison => c.concurrency === null);
  const runCounts = cells.map((c) => Math.max(...Object.values(c.runs).map((r) => r.length)));
  return {
    unit: choice.unit,
    unit_field: choice.field,
    runs_per_cell: { min: Math.min(...runCounts), max: Math.max(...runCounts) },
    min_units: MIN_UNITS[choice.unit],
    coverage: { ...MEASURED_COVERAGE },
    family: all.length,
    comparisons,
    overall: stratified(comparisons),
    ...(unrecorded.length > 0 ? { unrecorded_level: unrecorded } : {}),
  };
}

type AnyLevel = UnitComparison | UnrecordedLevelComparison;

/**
 * What a baseline cell's comparisons share: every candidate meets the same baseline runs, and the
 * baseline's streams are keyed by the baseline alone, so its replicates are drawn once per cell.
 */
type BaselineMemo = Map<RunSample[], { replicates: Map<UnitStatistic, Float64Array | null>; summaries?: Float64Array; mean?: number }>;

function compare(
  base: RunCell, cell: RunCell, metric: ComparisonMetric, b: RunSample[], c: RunSample[], unit: 'run' | 'activation', memo: BaselineMemo,
): AnyLevel {
  let mine = memo.get(b);
  if (mine === undefined) memo.set(b, (mine = { replicates: new Map() }));
  const shared = mine;
  const units = (runs: RunSample[]) => (unit === 'run' ? runs.length : countOf(runs));
  const nb = units(b);
  const nc = units(c);
  const streamKey = (runtime: string, what: string) => `${runtime}\u0000${cell.concurrency}\u0000${cell.part}\u0000${metric}\u0000${what}`;
  const enough = Math.min(nb, nc) >= MIN_UNITS[unit];
  const interval = (statistic: UnitStatistic) => {
    if (!enough) return null;
    let rb = shared.replicates.get(statistic);
    if (rb === undefined) shared.replicates.set(statistic, (rb = unitReplicates(b, statistic, unit, streamFor(streamKey(base.runtime, statistic)))));
    const rc = unitReplicates(c, statistic, unit, streamFor(streamKey(cell.runtime, statistic)));
    return rb && rc ? expandedRatioInterval(rb, rc, Math.min(nb, nc)) : null;
  };
  const meanCi = interval('mean');
  const medianCi = interval('median');
  const zeroWidth = [meanCi, medianCi].some((ci) => ci !== null && !(ci[1] > ci[0]));
  const xb = (shared.summaries ??= summaries(b, unit));
  const xc = summaries(c, unit);
  const test = unitTest(xb, xc, streamFor(streamKey(cell.runtime, 'test')));
  const sortedB = pooled(b);
  const sortedC = pooled(c);
  return {
    baseline: base.runtime, candidate: cell.runtime, concurrency: cell.concurrency, part: cell.part, metric, unit,
    n_baseline: nb, n_candidate: nc, activations_baseline: sortedB.length, activations_candidate: sortedC.length,
    mean_ratio: (shared.mean ??= meanOf(sortedB)) / meanOf(sortedC),
    median_ratio: medianOf(sortedB) / medianOf(sortedC),
    mean_ci: zeroWidth ? null : meanCi,
    median_ci: zeroWidth ? null : medianCi,
    no_interval: !enough ? 'too few units' : zeroWidth ? 'zero width' : null,
    p: test.p, p_adjusted: test.p, method: test.method, significant: false, cliffs_delta: mannWhitney(xb, xc).cliffs_delta,
    heavy_tails: [heavyTailOf(base.runtime, sortedB), heavyTailOf(cell.runtime, sortedC)].filter((h): h is HeavyTail => h !== null),
  };
}

/** The values a test compares: each run's mean, or every activation when the unit is the activation. */
function summaries(runs: RunSample[], unit: 'run' | 'activation'): Float64Array {
  if (unit === 'activation') return runs.length === 1 ? runs[0].sorted : pooled(runs);
  return Float64Array.from(runs, (r) => r.sum / r.sorted.length);
}

function pooled(runs: RunSample[]): Float64Array {
  return pooledSortedOf(runs);
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function medianOf(sorted: Float64Array): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** Geometric mean of the per-level ratios: it lies between the smallest and largest, so it cannot contradict every level. */
function stratified(comparisons: readonly UnitComparison[]): StratifiedRatio[] {
  const out: StratifiedRatio[] = [];
  const keys = [...new Set(comparisons.map((c) => `${c.candidate}\u0000${c.part}\u0000${c.metric}`))];
  for (const k of keys) {
    const rows = comparisons.filter((c) => `${c.candidate}\u0000${c.part}\u0000${c.metric}` === k);
    for (const statistic of ['mean', 'median'] as const) {
      const ratios = rows.map((r) => (statistic === 'mean' ? r.mean_ratio : r.median_ratio));
      if (!ratios.every((r) => Number.isFinite(r) && r > 0)) continue;
      const ratio = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
      out.push({ baseline: rows[0].baseline, candidate: rows[0].candidate, part: rows[0].part, metric: rows[0].metric, statistic, ratio, levels: rows.map((r) => r.concurrency) });
    }
  }
  return out;
}
