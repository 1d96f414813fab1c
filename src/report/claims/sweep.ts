// Claims of the sweep document (the seed's second document): a per-concurrency table across
// runtimes, insights, the trend, recommendations and a conclusion, each from a rule below.
import type { ReportGroup } from '../groups.js';
import { factor, ms } from '../round.js';
import { type LevelValue, type Growth, type Range, type Trend, growthOf, rangeOf, trendOf } from './series.js';
import { type RuntimeRef, type Spread, spreadOf } from './levels.js';
import { THRESHOLDS } from './thresholds.js';
import { testOf, type Family } from '../findings/family.js';
import { atEveryLevel } from '../findings/words/every-level.js';
import { fasterHeading } from '../findings/words/faster.js';
import { isOrderOfMagnitude } from '../findings/words/order-of-magnitude.js';
import { isSignificant } from '../findings/words/significant.js';
import { isRange, upTo } from '../findings/words/up-to.js';
import type { UnitComparison } from '../../types.js';

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
  wait: Growth | null;
  init: Range | null;
}

export interface Recommendations {
  /** winner faster on the total at every level, significantly (the gate then asks the findings). */
  prefer: boolean;
  /** the loser's avg_init is THRESHOLDS.initOverhead × the winner's or more at every level. */
  reduce_init: boolean;
  /** the loser's avg_init range, when all its cold starts take THRESHOLDS.painfulInitMs or longer. */
  warm_up: Range | null;
  /** The loser's first level whose avg_total reaches THRESHOLDS.degrade × its first level's. */
  degrade: { from_level: number; base_level: number; factor: number } | null;
  /** The recommendations that hold, in the document's order. */
  items: Array<'prefer' | 'reduce_init' | 'warm_up' | 'degrade'>;
  /** Why no recommendation (src/report/findings/gate.ts); null when there is one or before gating. */
  reason?: string | null;
  /** "in this run" or "across 8 runs" (issue 11). */
  scope?: string | null;
}

export interface SweepComparison {
  baseline: RuntimeRef;
  candidate: RuntimeRef;
  /** Cold or warm activations only (compared apart); null for pre-aggregated rows, which do not say. */
  part: 'cold' | 'warm' | null;
  /** The data has both parts, so every sentence names the one it is about. */
  name_part: boolean;
  /** The figure compared: the part's mean total time, or its median where a mean is carried by a few activations. */
  statistic: 'mean' | 'median';
  total: Spread | null;
  /** avg_init (cold activations only); null on the warm part. */
  init: Spread | null;
  /** avg_init ranges of the runtimes in `runtimes` order of the pair: baseline, then candidate. */
  baseline_init: Range | null;
  candidate_init: Range | null;
  tests: SweepTests;
  words: SweepWords;
  recommend: Recommendations;
}

/** What the document's tests (the total time, src/report/findings/family.ts) say about the pair. */
export interface SweepTests {
  tested: boolean;
  /** The runtime a "✅ … Is Faster, Significantly" heading may name (findings/words/faster.ts). */
  heading: RuntimeRef | null;
  /** Levels where the test is significant and the difference relevant, by the runtime lower there. */
  significant: Array<{ runtime: RuntimeRef; levels: number[] }>;
  /** Significant at every level compared. */
  everywhere: boolean;
  /** Significant differences point both ways: the choice depends on the load. */
  opposite: boolean;
}

/** The strong words, each from its rule in src/report/findings/words/. */
export interface SweepWords {
  /** "at every level" (two levels or more) of the total's levels, and of the init's. */
  every_level: boolean;
  init_every_level: boolean;
  /** "up to N×" for the total time. */
  up_to: boolean;
  /** The total's and the init's factors are a range (two different ends), not one value. */
  total_range: boolean;
  init_range: boolean;
  order_of_magnitude: boolean;
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
  trends: RuntimeTrends[];
  /** Runtimes whose max_wait grows sharply (THRESHOLDS.sharpGrowth) across levels. */
  sharp_wait: RuntimeRef[];
  /** Fewer than THRESHOLDS.minRunsForTrend runs per level: no curve shape may be claimed. */
  few_runs: { holds: boolean; runs: number };
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
    wait: growthOf(seriesOf(runtime.id, (g) => g.max_wait)),
    init: initRange(runtime.id),
  }));
  const parts: Array<'cold' | 'warm' | null> = family === null ? [null] : (['cold', 'warm'] as const).filter((p) => family.tests.some((t) => t.part === p));
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
    trends,
    sharp_wait: trends.filter((t) => t.wait?.sharp).map((t) => t.runtime),
    few_runs: { holds: runs < THRESHOLDS.minRunsForTrend, runs },
    single_runtime: runtimes.length < 2,
  };
}

function testsOf(total: Spread | null, tests: UnitComparison[], baseline: RuntimeRef, candidate: RuntimeRef): SweepTests {
  const levels = total?.levels ?? [];
  const complete = levels.length > 0 && tests.length === levels.length;
  // baseline / candidate as the claim's figure gives it: above 1 the candidate is lower.
  const tested = levels.map((l, i) => ({ ratio: l.faster.id === candidate.id ? l.slower_ms / l.faster_ms : l.faster_ms / l.slower_ms, test: tests[i] ?? null }));
  const way = complete ? fasterHeading(tested) : null;
  const significant = [baseline, candidate].map((runtime) => ({
    runtime,
    levels: levels.filter((l) => l.significant === true && !l.same && l.faster.id === runtime.id).map((l) => l.concurrency),
  })).filter((s) => s.levels.length > 0);
  return {
    tested: tests.length > 0,
    heading: way === 'candidate' ? candidate : way === 'baseline' ? baseline : null,
    significant,
    everywhere: complete && tests.every(isSignificant),
    opposite: significant.length > 1,
  };
}

function wordsOf(total: Spread | null, init: Spread | null, tests: UnitComparison[]): SweepWords {
  const factors = (s: Spread | null) => (s === null ? [] : s.levels.map((l) => l.factor));
  const winning = total?.winner ?? null;
  return {
    every_level: total !== null && atEveryLevel(total.levels, () => true),
    init_every_level: init !== null && atEveryLevel(init.levels, () => true),
    up_to: winning !== null && upTo(factors(total)),
    total_range: total !== null && isRange(total.min.factor, total.max.factor),
    init_range: init !== null && isRange(init.min.factor, init.max.factor),
    order_of_magnitude: winning !== null && isOrderOfMagnitude((total as Spread).levels.map((l) => ({
      factor: l.factor,
      heavyTail: tests.some((t) => t.concurrency === l.concurrency && t.heavy_tails.length > 0),
      significant: l.significant,
    }))),
  };
}

function recommendations(total: Spread | null, init: Spread | null, loserInit: Range | null, loserTotal: LevelValue[]): Recommendations {
  const prefer = total !== null && total.winner !== null && total.levels.every((l) => l.significant === true);
  // The advice below is computed whatever the preference; src/report/findings/gate.ts keeps it only with one.
  const reduceInit =
    init !== null && init.winner?.id === total?.winner?.id &&
    init.levels.every((r) => r.slower_ms / r.faster_ms >= THRESHOLDS.initOverhead);
  const warmUp = loserInit !== null && loserInit.low.ms >= THRESHOLDS.painfulInitMs ? loserInit : null;
  let degrade: Recommendations['degrade'] = null;
  if (loserTotal.length >= 2 && loserTotal[0].value > 0) {
    const base = loserTotal[0];
    const from = loserTotal.slice(1).find((v) => v.value / base.value >= THRESHOLDS.degrade);
    if (from) degrade = { from_level: from.concurrency, base_level: base.concurrency, factor: factor(from.value / base.value) };
  }
  const items: Recommendations['items'] = [];
  if (prefer) items.push('prefer');
  if (prefer && reduceInit) items.push('reduce_init');
  if (prefer && warmUp) items.push('warm_up');
  if (prefer && degrade) items.push('degrade');
  return { prefer, reduce_init: reduceInit, warm_up: warmUp, degrade, items };
}
