// Claims of the sweep document (the seed's second document): a per-concurrency table across
// runtimes, insights, the trend, recommendations and a conclusion, each from a rule below.
import type { ReportGroup } from '../groups.js';
import { ms } from '../round.js';
import { type LevelValue, type Growth, type Range, type Trend, growthOf, rangeOf, trendOf } from './series.js';
import { type RuntimeRef, spreadOf } from './levels.js';
import { THRESHOLDS } from './thresholds.js';
import { testOf, type Family } from '../findings/family.js';
import type { UnitComparison } from '../../types.js';
import { recommendations, testsOf, wordsOf, type SweepComparison } from './sweep-comparison.js';

export type { Recommendations, SweepComparison, SweepTests, SweepWords } from './sweep-comparison.js';

export interface SweepRow {
  concurrency: number;
  runtime: RuntimeRef;
  /** No group for this (runtime, level): every cell shows "—". */
  missing: boolean;
  avg_init: number | null;
  max_wait: number | null;
  avg_duration: number | null;
  avg_total: number | null;
}

export interface RuntimeTrends {
  runtime: RuntimeRef;
  total: Trend | null;
  /** Over warm activations only where groups mix cold and warm (a cold duration includes init, and the cold share differs by level). */
  duration: Trend | null;
  duration_part: 'warm' | null;
  /** Levels of the duration series whose mean is carried by a few activations (the document's heavy-tail flags). */
  duration_carried: number[];
  wait: Growth | null;
  init: Range | null;
}

export interface SweepClaims {
  kind: 'sweep';
  rows: SweepRow[];
  missing: Array<{ runtime: RuntimeRef; levels: number[] }>;
  failures: Array<{ runtime: RuntimeRef; concurrency: number; errors: number }>;
  levels: { min: number; max: number; count: number };
  comparisons: SweepComparison[];
  /** Some candidate shares a level with the baseline: else Key Insights says why nothing is compared. */
  compared: boolean;
  /**
   * Raw activations where, at every level a candidate shares with the baseline, one was all cold and
   * the other all warm: each runtime's levels of either kind there (cold and warm are never compared).
   */
  apart: Array<{ runtime: RuntimeRef; cold: number[]; warm: number[] }> | null;
  trends: RuntimeTrends[];
  /** Runtimes whose max_wait grows sharply (THRESHOLDS.sharpGrowth) across levels. */
  sharp_wait: RuntimeRef[];
  /** Fewer than THRESHOLDS.minRunsForTrend runs per level: no curve shape may be claimed. */
  few_runs: { holds: boolean; runs: number; min: number };
  single_runtime: boolean;
  /** Some runtime has a max_wait series to describe (src/report/findings/gate.ts): else no heading. */
  wait_heading?: boolean;
}

export function sweepClaims(groups: ReportGroup[], runtimes: RuntimeRef[], baseline: RuntimeRef, levels: number[], family: Family | null = null): SweepClaims {
  const find = (runtime: string, concurrency: number) =>
    groups.find((g) => g.runtime === runtime && g.concurrency === concurrency) ?? null;
  const lookup = (pick: (g: ReportGroup) => number | null) => (runtime: string, concurrency: number) => {
    const group = find(runtime, concurrency);
    return group === null ? null : pick(group);
  };
  const seriesOf = (runtime: string, pick: (g: ReportGroup) => number | null): LevelValue[] =>
    levels.flatMap((concurrency) => {
      const value = lookup(pick)(runtime, concurrency);
      return value === null ? [] : [{ concurrency, value }];
    });
  const runs = groups.length === 0 ? 0 : Math.min(...groups.map((g) => g.runs));
  // Runs with a cold activation behind each avg_init (a mixed group's cold ones may come from few of its runs).
  const coldRuns = (g: ReportGroup) => {
    const t = family?.tests.find((c) => c.part === 'cold' && c.concurrency === g.concurrency && (c.candidate === g.runtime || c.baseline === g.runtime));
    if (t === undefined) return g.runs;
    return t.unit === 'activation' ? 1 : t.candidate === g.runtime ? t.n_candidate : t.n_baseline;
  };
  const runsOf = (runtime: string) => Math.min(...groups.filter((g) => g.runtime === runtime && g.avg_init !== null).map(coldRuns));
  const initRange = (runtime: string) => rangeOf(seriesOf(runtime, (g) => g.avg_init), runsOf(runtime));

  const rows: SweepRow[] = levels.flatMap((concurrency) =>
    runtimes.map((runtime) => {
      const g = find(runtime.id, concurrency);
      return {
        concurrency,
        runtime,
        missing: g === null,
        avg_init: ms(g?.avg_init ?? null),
        max_wait: ms(g?.max_wait ?? null),
        avg_duration: ms(g?.avg_duration ?? null),
        avg_total: ms(g?.avg_total ?? null),
      };
    }),
  );
  const mixed = groups.some((g) => g.cold !== null && g.cold > 0 && g.cold < g.count);
  const trends = runtimes.map((runtime) => ({
    runtime,
    total: trendOf(seriesOf(runtime.id, (g) => g.avg_total)),
    duration: trendOf(seriesOf(runtime.id, (g) => (mixed ? g.parts.warm?.avg_duration ?? null : g.avg_duration))),
    duration_part: mixed ? 'warm' as const : null,
    duration_carried: carriedLevels(family, runtime.id, mixed ? 'warm' : null),
    wait: growthOf(seriesOf(runtime.id, (g) => g.max_wait)),
    init: initRange(runtime.id),
  }));
  const apart = family === null ? apartOf(groups, runtimes, baseline, levels, find) : null;
  const parts: Array<'cold' | 'warm' | null> = family === null ? (apart === null ? [null] : []) : (['cold', 'warm'] as const).filter((p) => family.tests.some((t) => t.part === p));
  const comparisons = runtimes
    .filter((r) => r.id !== baseline.id)
    .flatMap((candidate) => parts.map((part) => {
      const test = (concurrency: number) => (family === null || part === null ? null : testOf(family, { candidate: candidate.id, concurrency, part }));
      const heavy = levels.some((l) => (test(l)?.heavy_tails.length ?? 0) > 0);
      const figure = (g: ReportGroup) => {
        const p = part === null ? g : g.parts[part];
        return p === null ? null : heavy ? p.p50_total : p.avg_total;
      };
      const total = spreadOf(baseline, candidate, levels, lookup(figure), test);
      const init = part === 'warm' ? null : spreadOf(baseline, candidate, levels, lookup((g) => g.avg_init));
      const loser = total?.loser ?? null;
      const loserInit = loser === null || part === 'warm' ? null : initRange(loser.id);
      const loserTotal = loser === null ? [] : seriesOf(loser.id, figure);
      const tested = total === null ? [] : total.levels.map((l) => test(l.concurrency)).filter((t): t is UnitComparison => t !== null);
      return {
        baseline, candidate, part, name_part: parts.length > 1, statistic: heavy ? 'median' as const : 'mean' as const,
        total, init,
        baseline_init: part === 'warm' ? null : initRange(baseline.id),
        candidate_init: part === 'warm' ? null : initRange(candidate.id),
        tests: testsOf(total, tested, baseline, candidate),
        words: wordsOf(total, init, tested),
        recommend: recommendations(total, init, loserInit, loserTotal),
      };
    }));
  return {
    kind: 'sweep',
    rows,
    missing: runtimes
      .map((runtime) => ({ runtime, levels: rows.filter((r) => r.runtime === runtime && r.missing).map((r) => r.concurrency) }))
      .filter((m) => m.levels.length > 0),
    failures: groups
      .filter((g) => (g.errors ?? 0) > 0)
      .map((g) => ({ runtime: runtimes.find((r) => r.id === g.runtime) as RuntimeRef, concurrency: g.concurrency, errors: g.errors as number })),
    levels: { min: levels[0], max: levels[levels.length - 1], count: levels.length },
    comparisons,
    compared: comparisons.some((c) => c.total !== null),
    apart,
    trends,
    sharp_wait: trends.filter((t) => t.wait?.sharp).map((t) => t.runtime),
    few_runs: { holds: runs < THRESHOLDS.minRunsForTrend, runs, min: THRESHOLDS.minRunsForTrend },
    single_runtime: runtimes.length < 2,
  };
}

/**
 * The runtimes' regimes where raw activations share a level but no part: at every level a
 * candidate shares with the baseline, one side had only cold starts and the other only warm
 * activations. Null where some part is shared (or the data is pre-aggregated, or nothing shares a level).
 */
function apartOf(
  groups: ReportGroup[], runtimes: RuntimeRef[], baseline: RuntimeRef, levels: number[],
  find: (runtime: string, concurrency: number) => ReportGroup | null,
): SweepClaims['apart'] {
  if (groups.length === 0 || groups.some((g) => g.from !== 'activations')) return null;
  const has = (g: ReportGroup, part: 'cold' | 'warm') => (g.parts[part]?.count ?? 0) > 0;
  const shared = runtimes.filter((r) => r.id !== baseline.id).flatMap((candidate) => levels.flatMap((concurrency) => {
    const b = find(baseline.id, concurrency);
    const c = find(candidate.id, concurrency);
    return b === null || c === null ? [] : [{ b, c }];
  }));
  if (shared.length === 0 || shared.some(({ b, c }) => (has(b, 'cold') && has(c, 'cold')) || (has(b, 'warm') && has(c, 'warm')))) return null;
  const involved = new Set(shared.flatMap(({ b, c }) => [b, c]));
  return runtimes.flatMap((runtime) => {
    const mine = [...involved].filter((g) => g.runtime === runtime.id).sort((x, y) => x.concurrency - y.concurrency);
    if (mine.length === 0) return [];
    return [{ runtime, cold: mine.filter((g) => has(g, 'cold')).map((g) => g.concurrency), warm: mine.filter((g) => has(g, 'warm')).map((g) => g.concurrency) }];
  });
}

/** Levels where the document's total-time test flags `runtime`'s mean (of `part`, or of either) as carried by a few activations. */
function carriedLevels(family: Family | null, runtime: string, part: 'cold' | 'warm' | null): number[] {
  const levels = (family?.tests ?? [])
    .filter((t) => (part === null || t.part === part) && t.heavy_tails.some((h) => h.runtime === runtime))
    .map((t) => t.concurrency);
  return [...new Set(levels)].sort((a, b) => a - b);
}
