// The one recommendation a question may get (issue 11). A question is "which runtime has the lower
// total time", asked apart for cold and for warm activations. A runtime is recommended only when
// its difference is significant (one Holm family) and practically relevant (THRESHOLDS.same) in
// the same direction at every level compared, on the figure the claim rests on (the median where
// a mean is carried by a few activations); at most one runtime per question.
import type { UnitComparison, UnitInference } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { THRESHOLDS } from '../claims/thresholds.js';
import { factor } from '../round.js';
import { isSignificant } from './words/significant.js';

export interface Recommendation {
  runtime: RuntimeRef;
  over: RuntimeRef[];
  levels: number[];
  /** The least and largest factor (≥ 1) across the levels, 1 decimal. */
  min_factor: number;
  max_factor: number;
  statistic: 'mean' | 'median';
}

export interface Question {
  part: 'cold' | 'warm';
  recommendation: Recommendation | null;
  /** Why there is none; null when there is one. */
  reason: string | null;
}

type Standing = 'wins' | 'loses' | 'undecided';

export function questionsOf(inference: UnitInference, runtimes: RuntimeRef[], baseline: RuntimeRef): Question[] {
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const parts = (['cold', 'warm'] as const).filter((p) => inference.comparisons.some((c) => c.part === p && c.metric === 'total_ms'));
  return parts.map((part) => {
    const byCandidate = new Map<string, UnitComparison[]>();
    for (const c of inference.comparisons) {
      if (c.part !== part || c.metric !== 'total_ms') continue;
      byCandidate.set(c.candidate, [...(byCandidate.get(c.candidate) ?? []), c]);
    }
    const standings = [...byCandidate].map(([candidate, tests]) => ({ candidate, tests, standing: standingOf(tests) }));
    const winners = standings.filter((s) => s.standing === 'wins');
    const everyLoses = standings.length > 0 && standings.every((s) => s.standing === 'loses');
    if (winners.length === 1 && standings.every((s) => s === winners[0] || s.standing === 'loses')) {
      return { part, recommendation: recommendationOf(refOf(winners[0].candidate), [baseline, ...standings.filter((s) => s !== winners[0]).map((s) => refOf(s.candidate))], winners[0].tests, 'wins'), reason: null };
    }
    if (everyLoses) {
      const tests = standings.flatMap((s) => s.tests);
      return { part, recommendation: recommendationOf(baseline, standings.map((s) => refOf(s.candidate)), tests, 'loses'), reason: null };
    }
    return { part, recommendation: null, reason: reasonOf(standings.map((s) => s.standing), winners.length) };
  });
}

/** The figure a claim rests on: the median where either side's mean is carried by a few activations. */
export function claimRatio(c: UnitComparison): { ratio: number; statistic: 'mean' | 'median' } {
  return c.heavy_tails.length > 0 ? { ratio: c.median_ratio, statistic: 'median' } : { ratio: c.mean_ratio, statistic: 'mean' };
}

function standingOf(tests: UnitComparison[]): Standing {
  const relevant = (c: UnitComparison, faster: boolean) => {
    const { ratio } = claimRatio(c);
    const sameWay = faster ? ratio >= THRESHOLDS.same && c.mean_ratio > 1 && c.median_ratio > 1
      : ratio <= 1 / THRESHOLDS.same && c.mean_ratio < 1 && c.median_ratio < 1;
    return isSignificant(c) && sameWay;
  };
  if (tests.length > 0 && tests.every((c) => relevant(c, true))) return 'wins';
  if (tests.length > 0 && tests.every((c) => relevant(c, false))) return 'loses';
  return 'undecided';
}

function recommendationOf(runtime: RuntimeRef, over: RuntimeRef[], tests: UnitComparison[], standing: 'wins' | 'loses'): Recommendation {
  const factors = tests.map((c) => {
    const r = claimRatio(c).ratio;
    return standing === 'wins' ? r : 1 / r;
  });
  return {
    runtime,
    over,
    levels: [...new Set(tests.map((t) => t.concurrency))].sort((a, b) => a - b),
    min_factor: factor(Math.min(...factors)),
    max_factor: factor(Math.max(...factors)),
    statistic: tests.some((c) => claimRatio(c).statistic === 'median') ? 'median' : 'mean',
  };
}

function reasonOf(standings: Standing[], winners: number): string {
  if (winners > 1) return 'more than one runtime is faster than the baseline, and they were not compared with each other';
  if (winners === 1) return 'one runtime is faster than the baseline, but another is not shown slower than it';
  if (standings.includes('loses')) return 'some runtimes are slower than the baseline and others are not shown to differ from it';
  return 'no runtime is significantly and relevantly (by 1.1× or more) faster at every level compared';
}
