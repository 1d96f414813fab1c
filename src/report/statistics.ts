// The statistics a document shows beside its figures (issue 7): each candidate's ratio per
// component with its 95% interval and rank test, the components a candidate wins and loses at one
// level, and one trend sentence per runtime, from the fitted slope only. Rounded for display.
import type { Analysis, RankTest, Speedup, SpeedupMetric, TrendFit } from '../types.js';
import type { RuntimeRef } from './claims/levels.js';
import { factor, round, roundOrNull, sameFactor } from './round.js';
import { UNTESTED, unitRows, unitVerdict } from './findings/evidence.js';
import type { Family } from './findings/family.js';
import { isRelevant } from './findings/words/faster.js';
import { isAboutActivationLevelMethods } from '../analyze/messages.js';

/** The components a table row shows, in order, with the rank test that backs each (if any). */
export const COMPONENTS: ReadonlyArray<{ metric: SpeedupMetric; name: string; test: RankTest['metric'] | null }> = [
  { metric: 'avg_init', name: 'Init (mean)', test: 'init_ms' },
  { metric: 'avg_cold_cost', name: 'Cold-start cost, wait + init (mean)', test: null },
  { metric: 'avg_exec', name: 'Execution (mean)', test: 'exec_ms' },
  { metric: 'avg_total', name: 'Total, wait + duration (mean)', test: 'total_ms' },
  { metric: 'p50_total', name: 'Total (median)', test: 'total_ms' },
  { metric: 'p95_total', name: 'Total (p95)', test: 'total_ms' },
];

export interface TestResult {
  /** Holm-adjusted p-value, 4 decimals (0 shown as "< 0.0001"). */
  p: number;
  significant: boolean;
  cliffs_delta: number;
  magnitude: RankTest['magnitude'];
  n_baseline: number;
  n_candidate: number;
  /** Too few activations for any data to reach p < 0.05 (2 / C(n + m, n) ≥ 0.05). */
  powerless: boolean;
  /** What n counts (issue 11): runs or activations; absent on activation-level rank tests. */
  unit?: 'run' | 'activation';
  method?: string;
}

export interface StatisticsRow {
  candidate: RuntimeRef;
  baseline: RuntimeRef;
  concurrency: number;
  metric: SpeedupMetric;
  component: string;
  /** Cold or warm activations only (issue 11); absent where a row pools both. */
  part?: 'cold' | 'warm';
  /** faster / slower: relevant (findings/words/faster.ts); same: not. */
  direction: 'faster' | 'slower' | 'same';
  /** ≥ 1: how many times faster or slower, 1 decimal (2 when about the same). */
  factor: number;
  /** The interval in the same reading as `factor` (times faster or slower), 1 decimal; null when none. */
  ci: { low: number; high: number } | null;
  /** The interval lies wholly on one side of 1. */
  ci_excludes_one: boolean;
  test: TestResult | null;
}

/** A level where the candidate wins one component and loses another. */
export interface MixedResult {
  candidate: RuntimeRef;
  baseline: RuntimeRef;
  concurrency: number;
  wins: StatisticsRow[];
  losses: StatisticsRow[];
}

export interface TrendSentence {
  runtime: RuntimeRef;
  metric: TrendFit['metric'];
  levels: number;
  first_level: number | null;
  last_level: number | null;
  /** ms per additional concurrent invocation, 1 decimal; null with fewer than 2 levels. */
  slope: number | null;
  ci_low: number | null;
  ci_high: number | null;
  verdict: TrendFit['verdict'];
}

/** What the rank tests say about one candidate and one column, across the levels compared. */
export interface TestVerdict {
  tested: boolean;
  /** Significant (Holm-adjusted p < 0.05) at every level compared. */
  everywhere: boolean;
  levels: number[];
  /** The smallest Holm-adjusted p-value, 4 decimals; null when untested. */
  best_p: number | null;
}

export interface ModelStatistics {
  /** Some figure has an interval (the data has per-activation distributions). */
  intervals: boolean;
  /** Some rank test was run. */
  tested: boolean;
  resamples: number;
  rows: StatisticsRow[];
  /** rows grouped per candidate, for one table each. */
  tables: Array<{ candidate: RuntimeRef; baseline: RuntimeRef; rows: StatisticsRow[] }>;
  mixed: MixedResult[];
  trends: TrendSentence[];
  /** Per candidate id, per tested column: what the documents may call a real difference. */
  verdicts: Record<string, Record<'init' | 'exec' | 'total', TestVerdict>>;
  /** The analysis' warnings: why an interval, test or trend is missing. */
  notes: string[];
}

export function modelStatistics(analysis: Analysis, runtimes: RuntimeRef[], baseline: RuntimeRef, family: Family | null): ModelStatistics {
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const inference = family === null ? undefined : analysis.inference;
  const rows: StatisticsRow[] = inference && family ? unitRows(inference, family, refOf) : [];
  // Raw activations are compared at the unit or not at all: where no test at the unit exists (no
  // part measured in both runtimes at a shared level), analyze's activation-level rank tests and
  // bootstraps would pool cold with warm and treat a run's activations as independent, so nothing
  // is shown in their place. Only pre-aggregated data (no inference) takes the rows below.
  const atUnit = analysis.inference !== undefined;
  for (const candidate of atUnit ? [] : runtimes.filter((r) => r.id !== baseline.id)) {
    const levels = [...new Set(analysis.speedups.filter((s) => s.candidate === candidate.id && s.concurrency !== null).map((s) => s.concurrency as number))].sort((a, b) => a - b);
    for (const concurrency of levels) {
      for (const component of COMPONENTS) {
        const speedup = analysis.speedups.find((s) => s.candidate === candidate.id && s.concurrency === concurrency && s.metric === component.metric);
        if (!speedup) continue;
        const test = component.test === null ? undefined
          : analysis.comparisons.find((c) => c.candidate === candidate.id && c.concurrency === concurrency && c.metric === component.test);
        rows.push(rowOf(speedup, component.name, candidate, baseline, test));
      }
    }
  }
  const tables = runtimes
    .filter((r) => r.id !== baseline.id)
    .map((candidate) => ({ candidate, baseline, rows: rows.filter((r) => r.candidate.id === candidate.id) }))
    .filter((t) => t.rows.length > 0);
  return {
    intervals: atUnit ? rows.some((r) => r.ci !== null) : analysis.speedups.some((s) => s.ci_low !== null) || analysis.groups.some((g) => Object.values(g.ci).some((v) => v !== null)),
    tested: atUnit ? family !== null && family.tests.length > 0 : analysis.comparisons.length > 0,
    resamples: analysis.intervals.resamples,
    rows,
    tables,
    mixed: mixedResults(rows),
    trends: trendSentences(analysis.trends, refOf, runtimes),
    verdicts: Object.fromEntries(runtimes.filter((r) => r.id !== baseline.id).map((r) => [r.id, atUnit ? {
      init: UNTESTED,
      exec: UNTESTED,
      total: family ? unitVerdict(family, r.id) : UNTESTED,
    } : {
      init: verdictOf(analysis.comparisons, r.id, 'init_ms'),
      exec: verdictOf(analysis.comparisons, r.id, 'exec_ms'),
      total: verdictOf(analysis.comparisons, r.id, 'total_ms'),
    }])),
    notes: atUnit ? analysis.warnings.filter((w) => !isAboutActivationLevelMethods(w)) : [...analysis.warnings],
  };
}

function rowOf(s: Speedup, component: string, candidate: RuntimeRef, baseline: RuntimeRef, test: RankTest | undefined): StatisticsRow {
  const faster = s.ratio >= 1;
  const raw = faster ? s.ratio : 1 / s.ratio;
  const ci = s.ci_low === null || s.ci_high === null || s.ci_low <= 0
    ? null
    : faster ? { low: factor(s.ci_low), high: factor(s.ci_high) } : { low: factor(1 / s.ci_high), high: factor(1 / s.ci_low) };
  return {
    candidate,
    baseline,
    concurrency: s.concurrency as number,
    metric: s.metric,
    component,
    direction: !isRelevant(raw) ? 'same' : faster ? 'faster' : 'slower',
    factor: isRelevant(raw) ? factor(raw) : sameFactor(raw),
    // An interval that rounds to one value would read as "2.5–2.5×": shown as none.
    ci: ci !== null && ci.low !== ci.high ? ci : null,
    ci_excludes_one: s.ci_low !== null && s.ci_high !== null && (s.ci_low > 1 || s.ci_high < 1),
    test: test === undefined ? null : {
      p: round(test.p_adjusted, 4),
      significant: test.significant,
      cliffs_delta: round(test.cliffs_delta, 2),
      magnitude: test.magnitude,
      n_baseline: test.n_baseline,
      n_candidate: test.n_candidate,
      powerless: 2 / binomial(test.n_baseline + test.n_candidate, test.n_baseline) >= 0.05,
    },
  };
}

function verdictOf(comparisons: RankTest[], candidate: string, metric: RankTest['metric']): TestVerdict {
  const tests = comparisons.filter((c) => c.candidate === candidate && c.metric === metric);
  return {
    tested: tests.length > 0,
    everywhere: tests.length > 0 && tests.every((t) => t.significant),
    levels: tests.filter((t) => t.significant).map((t) => t.concurrency),
    best_p: tests.length === 0 ? null : round(Math.min(...tests.map((t) => t.p_adjusted)), 4),
  };
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/**
 * A difference the document may state: significant, or beyond any test's reach (then said so); an
 * untested component only where its 95% interval excludes 1, or, with no interval (one value a
 * side, pre-aggregated rows), as a description marked "not tested".
 */
const stateable = (row: StatisticsRow) =>
  row.test !== null ? row.test.significant || row.test.powerless : row.ci === null || row.ci_excludes_one;

/**
 * Init and execution pointing opposite ways at one level (both relevant: src/report/findings/words/faster.ts), each
 * significant or untestable: a difference a test could have shown and did not is not stated.
 */
function mixedResults(rows: StatisticsRow[]): MixedResult[] {
  const out: MixedResult[] = [];
  const keys = [...new Set(rows.map((r) => `${r.candidate.id}\u0000${r.concurrency}`))];
  for (const key of keys) {
    const atLevel = rows.filter((r) => `${r.candidate.id}\u0000${r.concurrency}` === key && (r.metric === 'avg_init' || r.metric === 'avg_exec') && r.part !== 'warm');
    const wins = atLevel.filter((r) => r.direction === 'faster' && stateable(r));
    const losses = atLevel.filter((r) => r.direction === 'slower' && stateable(r));
    if (wins.length > 0 && losses.length > 0) {
      out.push({ candidate: wins[0].candidate, baseline: wins[0].baseline, concurrency: wins[0].concurrency, wins, losses });
    }
  }
  return out;
}

/** One per runtime: the fit over activations when it has an interval, else the fit over level means. */
function trendSentences(trends: TrendFit[], refOf: (id: string) => RuntimeRef, runtimes: RuntimeRef[]): TrendSentence[] {
  const out: TrendSentence[] = [];
  for (const runtime of runtimes) {
    const fits = trends.filter((t) => t.runtime === runtime.id);
    const fit = fits.find((t) => t.metric === 'total_ms' && t.ci_low !== null) ?? fits.find((t) => t.metric === 'avg_total');
    if (!fit) continue;
    out.push({
      runtime: refOf(runtime.id),
      metric: fit.metric,
      levels: fit.levels.length,
      first_level: fit.levels[0] ?? null,
      last_level: fit.levels[fit.levels.length - 1] ?? null,
      slope: roundOrNull(fit.slope, 1),
      ci_low: roundOrNull(fit.ci_low, 1),
      ci_high: roundOrNull(fit.ci_high, 1),
      verdict: fit.verdict,
    });
  }
  return out;
}
