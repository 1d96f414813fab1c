// The Caveats section every document ends with (issue 7): sample sizes, cold purity, failed
// trials, what the intervals mean, and which reporting principles of Papadopoulos et al.
// ("Methodological Principles for Reproducible Performance Evaluation in Cloud Computing",
// IEEE TSE 2019) the run meets, each computed from the data.
import { GROUP_MIN } from '../analyze/group-interval.js';
import type { Family } from './findings/family.js';
import type { Analysis, Status, Table } from '../types.js';
import type { RuntimeRef } from './claims/levels.js';
import { groupLabel, type ReportGroup } from './groups.js';
import { ms } from './round.js';
import type { RunSetting } from './setting.js';
import { setupPrinciple } from './setup-principle.js';

export interface CaveatGroup {
  runtime: RuntimeRef;
  concurrency: number;
  from: ReportGroup['from'];
  runs: number;
  count: number;
  cold: number | null;
  errors: number | null;
  avg_total: number | null;
  /** 95% interval of avg_total at the unit (analyze's mean_total), ms to 2 decimals; null when the group has none. */
  avg_total_ci: { low: number; high: number } | null;
  /** What the interval resampled: runs, or the activations of the group's one run (it describes that run). */
  avg_total_ci_unit: 'run' | 'activation' | null;
}

export interface LevelsOf {
  runtime: RuntimeRef;
  levels: number[];
}

export interface Principle {
  name: string;
  status: 'met' | 'partly' | 'missed';
  detail: string;
}

export interface ModelCaveats {
  groups: CaveatGroup[];
  /** Cold-start purity: were the activations of a cold-start comparison all cold? */
  cold: {
    all_cold: boolean; all_warm: boolean; unknown: boolean; mixed: CaveatGroup[];
    /** Where no group mixes the two but both occur: the levels per runtime of all-cold and of all-warm groups. */
    cold_only: LevelsOf[]; warm_only: LevelsOf[];
    /** Where unknown: the levels per runtime whose rows do not say, and those that do (a single activation with an init time). */
    unknown_levels: LevelsOf[]; known_levels: LevelsOf[];
  };
  /** Activations that did not succeed, by status; `known` is false when aggregates hide them. */
  failures: { known: boolean; total: number; by_status: Array<{ status: Status; count: number }> };
  /** Sequences and conductors, reported apart from the runtimes (null when there are none). */
  compositions: { list: Array<{ composition: string; action: string | null; count: number; avg_duration: number | null; avg_components: number | null }>; components: number } | null;
  /** Activations left out of the per-level tables because the data does not record their concurrency. */
  unrecorded_concurrency: number;
  intervals: boolean;
  /** What the table's per-group CIs resample: runs, one run's activations, both (by group), or none has one. */
  group_ci_unit: 'run' | 'activation' | 'both' | null;
  /** The fewest runs, or activations of one run, a group's CI needs (bench/coverage/). */
  group_ci_min: { run: number; activation: number };
  aggregates_only: boolean;
  /** Raw activations, for which inference is at the unit (src/analyze/unit.ts), whether or not any test was possible. */
  unit_data: boolean;
  resamples: number;
  principles: Principle[];
}

/** Fewest activations (or runs) per group for "repeated experiments" to count as met. */
const REPEATED = { activations: 10, runs: 3 };

/** `statisticsIntervals`: whether the document's comparisons print any interval (its statistics section). */
export function modelCaveats(
  table: Table, analysis: Analysis, groups: ReportGroup[], runtimes: RuntimeRef[], settings: RunSetting[] = [], family: Family | null = null, statisticsIntervals = false,
): ModelCaveats {
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const caveatGroups: CaveatGroup[] = groups.map((g) => {
    const interval = analysis.groups.find((a) => a.runtime === g.runtime && a.function === g.function && a.memory_mb === g.memory_mb &&
      a.concurrency === g.concurrency && a.repetition === undefined)?.mean_total;
    const rounded = interval?.ci ? { low: ms(interval.ci[0]) as number, high: ms(interval.ci[1]) as number } : null;
    // Never a zero-width interval, not even one that rounding made (issue 11).
    const ci = rounded !== null && rounded.high > rounded.low ? rounded : null;
    const ref = refOf(g.runtime);
    return {
      runtime: { ...ref, label: groupLabel(g, ref.label, groups) }, concurrency: g.concurrency, from: g.from, runs: g.runs, count: g.count, cold: g.cold,
      errors: g.errors, avg_total: ms(g.avg_total), avg_total_ci: ci, avg_total_ci_unit: ci && interval ? interval.unit : null,
    };
  });
  const known = caveatGroups.filter((g) => g.cold !== null);
  const unknown = known.length < caveatGroups.length;
  const byStatus = new Map<Status, number>();
  for (const row of table.activations) if (row.status !== 'success' && row.composition == null) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  const failures = [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => (a.status < b.status ? -1 : 1));
  // What the document prints, not what analyze computed: a group's own interval or a comparison's.
  const intervals = caveatGroups.some((g) => g.avg_total_ci !== null) || statisticsIntervals;
  const aggregatesOnly = table.activations.length === 0;
  return {
    groups: caveatGroups,
    cold: {
      all_cold: !unknown && known.every((g) => g.cold === g.count),
      all_warm: !unknown && known.every((g) => g.cold === 0),
      unknown,
      mixed: known.filter((g) => (g.cold as number) > 0 && (g.cold as number) < g.count),
      cold_only: levelsOf(known.filter((g) => g.count > 0 && g.cold === g.count)),
      warm_only: levelsOf(known.filter((g) => g.count > 0 && g.cold === 0)),
      unknown_levels: unknown ? levelsOf(caveatGroups.filter((g) => g.cold === null)) : [],
      known_levels: unknown ? levelsOf(known.filter((g) => g.from === 'aggregates')) : [],
    },
    failures: { known: table.aggregates.length === 0, total: failures.reduce((n, f) => n + f.count, 0), by_status: failures },
    compositions: compositionsCaveat(table, analysis),
    unrecorded_concurrency: table.activations.filter((r) => r.concurrency === null && r.composition == null).length,
    intervals,
    group_ci_unit: groupCiUnit(caveatGroups),
    group_ci_min: { ...GROUP_MIN },
    aggregates_only: aggregatesOnly,
    unit_data: analysis.inference !== undefined,
    resamples: analysis.intervals.resamples,
    principles: principles(table, analysis, caveatGroups, aggregatesOnly, intervals, settings, family),
  };
}

function levelsOf(groups: CaveatGroup[]): LevelsOf[] {
  const out: LevelsOf[] = [];
  for (const g of groups) {
    const entry = out.find((o) => o.runtime.label === g.runtime.label);
    if (entry) entry.levels.push(g.concurrency);
    else out.push({ runtime: g.runtime, levels: [g.concurrency] });
  }
  return out;
}

function groupCiUnit(groups: readonly CaveatGroup[]): ModelCaveats['group_ci_unit'] {
  const units = new Set(groups.flatMap((g) => (g.avg_total_ci_unit ? [g.avg_total_ci_unit] : [])));
  return units.size === 2 ? 'both' : units.size === 1 ? [...units][0] : null;
}

/** Compositions and the components that ran inside them: the document says both (issue 10). */
function compositionsCaveat(table: Table, analysis: Analysis): ModelCaveats['compositions'] {
  const components = table.activations.filter((r) => r.caused_by != null && r.composition == null).length;
  const compositions = analysis.compositions ?? [];
  if (compositions.length === 0 && components === 0) return null;
  return {
    list: compositions.map((c) => ({ composition: c.composition, action: c.action, count: c.count, avg_duration: ms(c.avg_duration), avg_components: c.avg_components })),
    components,
  };
}

function principles(table: Table, analysis: Analysis, groups: CaveatGroup[], aggregatesOnly: boolean, intervals: boolean, settings: RunSetting[], family: Family | null): Principle[] {
  const fewest = groups.length === 0 ? 0 : Math.min(...groups.map((g) => g.count));
  const fewestRuns = groups.length === 0 ? 0 : Math.min(...groups.map((g) => g.runs));
  const repeated: Principle['status'] = fewest >= REPEATED.activations || fewestRuns >= REPEATED.runs ? 'met' : fewest >= 2 ? 'partly' : 'missed';
  const described = table.activations.length > 0 && table.activations.every((r) => r.kind !== null && r.memory_mb !== null);
  // Raw activations with no document family have no test at the unit: analyze's activation-level
  // rank tests are not the document's (statistics.ts shows none of them).
  const tests: Principle['status'] = analysis.comparisons.length === 0 || (analysis.inference !== undefined && family === null) ? 'missed'
    : canReachSignificance(analysis, family) ? 'met' : 'partly';
  return [
    {
      name: 'Repeated experiments (P1)',
      status: repeated,
      detail: `fewest per group: ${fewest} activation${fewest === 1 ? '' : 's'} in ${fewestRuns} run${fewestRuns === 1 ? '' : 's'}` +
        ` (met at ${REPEATED.activations} activations or ${REPEATED.runs} runs)`,
    },
    setupPrinciple(described, settings),
    {
      name: 'Distributions shown, not just means (P5)',
      status: aggregatesOnly || fewest < 2 ? 'missed' : intervals ? 'met' : 'partly',
      detail: aggregatesOnly
        ? 'the inputs are pre-aggregated means: no distribution to show'
        : fewest < 2 ? 'a group has a single activation: no distribution to show'
          : intervals ? 'percentiles, 95% intervals and per-activation figures' : 'per-activation values, too few for intervals',
    },
    {
      name: 'Statistical tests (P6)',
      status: tests,
      detail: tests === 'missed'
        ? analysis.inference === undefined ? 'no test possible: no per-activation data for two runtimes at a shared level'
          : 'no test possible: no runtime shares a level and a kind of activation (cold or warm) with the baseline where they can be compared'
        : tests === 'partly'
          ? 'tests run, but with too few units at every level for any of them to reach p < 0.05 after the correction'
          : analysis.inference ? 'permutation tests at the experimental unit, Holm-corrected across the document, with Cliff\'s δ' : 'Mann-Whitney U per level, Holm-corrected, with Cliff\'s δ',
    },
    { name: 'Units reported (P7)', status: 'met', detail: 'every time in ms or s, every ratio as ×' },
  ];
}

/** Whether any of the document's tests could be significant whatever the data (findings/family.ts). */
function canReachSignificance(analysis: Analysis, family: Family | null): boolean {
  if (family === null) {
    // No document family: without inference, the rank tests' sizes decide; with it, no total-time test exists.
    if (analysis.inference) return false;
    return analysis.comparisons.some((c) => c.metric === 'total_ms' && c.n_baseline + c.n_candidate >= 8 && Math.min(c.n_baseline, c.n_candidate) >= 4);
  }
  return family.tests.length > 0 && (family.attainable === null || family.attainable.reachable);
}
