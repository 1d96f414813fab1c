// Claims of the warm document (the peer's RESULTS_PREWARMED.md): prewarmed runtimes compared on
// wait, duration and total time. With no cold starts, duration is execution: a slower duration
// here is slower inference, not slower start-up.
import type { ReportGroup } from '../groups.js';
import { round, roundOrNull } from '../round.js';
import { compareTimes, type Comparison } from './compare.js';
import type { RuntimeRef } from './levels.js';
import { THRESHOLDS } from './thresholds.js';
import { smallestP, testOf, type Family } from '../findings/family.js';
import { isSignificant, SIGNIFICANT } from '../findings/words/significant.js';
import { round as roundP } from '../round.js';

export interface WarmTable {
  concurrency: number;
  runtimes: RuntimeRef[];
  /** Values to 1 decimal, one per runtime in `runtimes` order (the peer's table shows 1 decimal). */
  rows: Array<{ metric: string; field: string; values: Array<number | null> }>;
}

/** A runtime's figures at one level, to 1 decimal as the table shows them. */
export interface WarmSide extends RuntimeRef {
  avg_wait: number | null;
  avg_duration: number | null;
  avg_total: number | null;
}

export interface WarmComparison {
  concurrency: number;
  baseline: WarmSide;
  candidate: WarmSide;
  duration: Comparison | null;
  total: Comparison | null;
  wait: Comparison | null;
  /** Both runtimes' waits are under THRESHOLDS.lowWaitShare of their total time. */
  wait_low: boolean;
  /** The same runtime is faster on duration and on total (both decided). */
  total_agrees: boolean;
  /** The document's test of the total time at this level (src/report/findings/family.ts); null where none. */
  test: { p: number; significant: boolean; powerless: boolean } | null;
}

/** The one recommendation of the warm question, from the findings (src/report/findings/gate.ts). */
export interface WarmRecommendation {
  runtime: RuntimeRef;
  over: RuntimeRef[];
  levels: number[];
  min_factor: number;
  max_factor: number;
  /** A range with two different ends (findings/words/up-to.ts). */
  range: boolean;
  /** Two levels or more (findings/words/every-level.ts). */
  every_level: boolean;
  scope: string;
}

export interface WarmClaims {
  kind: 'warm';
  tables: WarmTable[];
  /** Successful activations and runs per runtime and level. */
  counts: Array<{ runtime: RuntimeRef; concurrency: number; count: number; runs: number }>;
  /** Every runtime and level has the same count: "each configuration consists of N runs". */
  uniform: { count: number; runs: number; concurrency: number } | null;
  comparisons: WarmComparison[];
  few_runs: { holds: boolean; runs: number; min: number };
  single_runtime: boolean;
  /** More than one level or comparison: the document adds a heading per table or comparison. */
  several_levels: boolean;
  several_comparisons: boolean;
  /** Set by the gate: the recommendation, or why there is none. */
  recommendation?: WarmRecommendation | null;
  reason?: string | null;
}

const METRICS: Array<{ metric: string; field: 'avg_wait' | 'avg_duration' | 'avg_total' }> = [
  { metric: 'Avg Wait', field: 'avg_wait' },
  { metric: 'Avg Duration', field: 'avg_duration' },
  { metric: 'Avg Total', field: 'avg_total' },
];

export function warmClaims(groups: ReportGroup[], runtimes: RuntimeRef[], baseline: RuntimeRef, levels: number[], family: Family | null = null): WarmClaims {
  const find = (runtime: string, concurrency: number) =>
    groups.find((g) => g.runtime === runtime && g.concurrency === concurrency) ?? null;
  const tables = levels.map((concurrency) => {
    const present = runtimes.filter((r) => find(r.id, concurrency) !== null);
    return {
      concurrency,
      runtimes: present,
      rows: METRICS.map(({ metric, field }) => ({
        metric,
        field,
        values: present.map((r) => roundOrNull(find(r.id, concurrency)?.[field] ?? null, 1)),
      })),
    };
  });
  const counts = groups.map((g) => ({
    runtime: runtimes.find((r) => r.id === g.runtime) as RuntimeRef,
    concurrency: g.concurrency,
    count: g.count,
    runs: g.runs,
  }));
  const first = counts[0];
  const uniform =
    first !== undefined && levels.length === 1 && counts.every((c) => c.count === first.count && c.runs === first.runs)
      ? { count: first.count, runs: first.runs, concurrency: first.concurrency }
      : null;
  const comparisons = levels.flatMap((concurrency) => {
    const base = find(baseline.id, concurrency);
    if (base === null) return [];
    return runtimes
      .filter((r) => r.id !== baseline.id && find(r.id, concurrency) !== null)
      .map((candidate) => {
        const test = family === null ? null : testOf(family, { candidate: candidate.id, concurrency, part: 'warm' });
        return {
          ...warmComparison(concurrency, baseline, base, candidate, find(candidate.id, concurrency) as ReportGroup),
          test: test === null ? null : { p: roundP(test.p_adjusted, 4), significant: isSignificant(test), powerless: smallestP(test) >= SIGNIFICANT.alpha },
        };
      });
  });
  const runs = groups.length === 0 ? 0 : Math.min(...groups.map((g) => g.runs));
  return {
    kind: 'warm',
    tables,
    counts,
    uniform,
    comparisons,
    few_runs: { holds: runs < THRESHOLDS.minRunsForTrend, runs, min: THRESHOLDS.minRunsForTrend },
    single_runtime: runtimes.length < 2,
    several_levels: levels.length > 1,
    several_comparisons: comparisons.length > 1,
  };
}

function warmComparison(concurrency: number, baseline: RuntimeRef, base: ReportGroup, candidate: RuntimeRef, cand: ReportGroup): Omit<WarmComparison, 'test'> {
  // The warm table shows 1 decimal: compare the figures as shown, so prose and table agree.
  const shown = (value: number | null) => roundOrNull(value, 1);
  const compare = (pick: (g: ReportGroup) => number | null) =>
    compareTimes({ name: baseline.label, value: shown(pick(base)) }, { name: candidate.label, value: shown(pick(cand)) });
  const duration = compare((g) => g.avg_duration);
  const total = compare((g) => g.avg_total);
  const waitShare = (g: ReportGroup) =>
    g.avg_wait !== null && g.avg_total !== null && g.avg_total > 0 ? round(g.avg_wait / g.avg_total, 4) : null;
  const shares = [waitShare(base), waitShare(cand)];
  const sideOf = (ref: RuntimeRef, g: ReportGroup): WarmSide => ({
    ...ref,
    avg_wait: shown(g.avg_wait),
    avg_duration: shown(g.avg_duration),
    avg_total: shown(g.avg_total),
  });
  return {
    concurrency,
    baseline: sideOf(baseline, base),
    candidate: sideOf(candidate, cand),
    duration,
    total,
    wait: compare((g) => g.avg_wait),
    wait_low: shares.every((s) => s !== null && s < THRESHOLDS.lowWaitShare),
    total_agrees:
      duration !== null && total !== null && !duration.same && !total.same && duration.lower.name === total.lower.name,
  };
}
