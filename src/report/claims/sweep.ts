// Claims of the sweep document (the seed's second document): a per-concurrency table across
// runtimes, insights, the trend, recommendations and a conclusion, each from a rule below.
import type { ReportGroup } from '../groups.js';
import { factor, ms } from '../round.js';
import { type LevelValue, type Growth, type Range, type Trend, growthOf, rangeOf, trendOf } from './series.js';
import { type RuntimeRef, type Spread, spreadOf } from './levels.js';
import { THRESHOLDS } from './thresholds.js';

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
  duration: Trend | null;
  wait: Growth | null;
  init: Range | null;
}

export interface Recommendations {
  /** winner faster on avg_total at every level, significantly. */
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
  total: Spread | null;
  init: Spread | null;
  /** avg_init ranges of the runtimes in `runtimes` order of the pair: baseline, then candidate. */
  baseline_init: Range | null;
  candidate_init: Range | null;
  recommend: Recommendations;
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

export function sweepClaims(groups: ReportGroup[], runtimes: RuntimeRef[], baseline: RuntimeRef, levels: number[]): SweepClaims {
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
  const trends = runtimes.map((runtime) => ({
    runtime,
    total: trendOf(seriesOf(runtime.id, (g) => g.avg_total)),
    duration: trendOf(seriesOf(runtime.id, (g) => g.avg_duration)),
    wait: growthOf(seriesOf(runtime.id, (g) => g.max_wait)),
    init: rangeOf(seriesOf(runtime.id, (g) => g.avg_init)),
  }));
  const comparisons = runtimes
    .filter((r) => r.id !== baseline.id)
    .map((candidate) => {
      const total = spreadOf(baseline, candidate, levels, lookup((g) => g.avg_total));
      const init = spreadOf(baseline, candidate, levels, lookup((g) => g.avg_init));
      const loser = total?.loser ?? null;
      const loserInit = loser === null ? null : rangeOf(seriesOf(loser.id, (g) => g.avg_init));
      const loserTotal = loser === null ? [] : seriesOf(loser.id, (g) => g.avg_total);
      return {
        baseline,
        candidate,
        total,
        init,
        baseline_init: rangeOf(seriesOf(baseline.id, (g) => g.avg_init)),
        candidate_init: rangeOf(seriesOf(candidate.id, (g) => g.avg_init)),
        recommend: recommendations(total, init, loserInit, loserTotal),
      };
    });
  const runs = groups.length === 0 ? 0 : Math.min(...groups.map((g) => g.runs));
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

function recommendations(total: Spread | null, init: Spread | null, loserInit: Range | null, loserTotal: LevelValue[]): Recommendations {
  const prefer = total !== null && total.significant;
  const reduceInit =
    prefer && init !== null && init.winner?.id === total.winner?.id &&
    init.levels.every((r) => r.slower_ms / r.faster_ms >= THRESHOLDS.initOverhead);
  const warmUp = prefer && loserInit !== null && loserInit.low.ms >= THRESHOLDS.painfulInitMs ? loserInit : null;
  let degrade: Recommendations['degrade'] = null;
  if (prefer && loserTotal.length >= 2 && loserTotal[0].value > 0) {
    const base = loserTotal[0];
    const from = loserTotal.slice(1).find((v) => v.value / base.value >= THRESHOLDS.degrade);
    if (from) degrade = { from_level: from.concurrency, base_level: base.concurrency, factor: factor(from.value / base.value) };
  }
  const items: Recommendations['items'] = [];
  if (prefer) items.push('prefer');
  if (reduceInit) items.push('reduce_init');
  if (warmUp) items.push('warm_up');
  if (degrade) items.push('degrade');
  return { prefer, reduce_init: reduceInit, warm_up: warmUp, degrade, items };
}
