// The one recommendation a question may get (issue 11). A question is "which runtime has the lower
// total time", asked apart for cold and for warm activations; the rule for preferring a runtime is
// ./words/prefer.ts. At most one runtime per question: the only one that wins over the baseline
// while every other loses to it, or the baseline when every candidate loses.
import type { GroupFigures, UnitComparison } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { escapeInline } from '../markdown.js';
import { factor } from '../round.js';
import { unitsNeeded, type Family } from './family.js';
import { claimRatio, standingOf, type Standing } from './words/prefer.js';
import { RELEVANT } from './words/faster.js';

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

export function questionsOf(family: Family, runtimes: RuntimeRef[], baseline: RuntimeRef): Question[] {
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const parts = (['cold', 'warm'] as const).filter((p) => family.tests.some((c) => c.part === p));
  return parts.map((part) => {
    const byCandidate = new Map<string, UnitComparison[]>();
    for (const c of family.tests) {
      if (c.part !== part) continue;
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
    const levels = new Set(family.tests.map((t) => t.concurrency)).size;
    return { part, recommendation: null, reason: reasonOf(standings.map((s) => s.standing), winners.length, levels) };
  });
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

function reasonOf(standings: Standing[], winners: number, levels: number): string {
  if (winners > 1) return 'more than one runtime is faster than the baseline, and they were not compared with each other';
  if (winners === 1) return 'one runtime is faster than the baseline, but another is not shown slower than it';
  if (standings.includes('loses')) return 'some runtimes are slower than the baseline and others are not shown to differ from it';
  return `no runtime is significantly and relevantly (by ${RELEVANT.factor}× or more) faster ${levels === 1 ? 'at the one level compared' : 'at every level compared'}`;
}

/**
 * One run per cell: each runtime's level is its own run, so a difference between the runtimes
 * cannot be told from one between their runs (null datasets with a run effect of σ 0.3 on log
 * time: 20 of 24 "significant" at the activation, test/report/corpus.test.ts). Its tests describe those runs;
 * a recommendation reaches beyond them, so none is made.
 */
export function withoutOneRunRecommendations(questions: Question[], tests: number): Question[] {
  const reason = `each level was measured in a single run, so a difference between the runtimes cannot be told from one between their runs; ${unitsNeeded(tests)} runs per cell would be needed to test it across runs`;
  return questions.map((q) => (q.recommendation === null ? q : { ...q, recommendation: null, reason }));
}

/**
 * A runtime is not preferred where, at a level its recommendation speaks for, more than
 * FAILING.share of its activations failed and a larger share than the other's: its times there are
 * of those that succeeded, and a faster survivor is no reason to choose it.
 */
export const FAILING = { share: 0.05 } as const;

export function withoutFailingWinners(questions: Question[], groups: readonly GroupFigures[]): Question[] {
  const failed = (runtime: string, concurrency: number) => {
    const mine = groups.filter((g) => g.runtime === runtime && g.concurrency === concurrency && g.errors !== null);
    const errors = mine.reduce((n, g) => n + (g.errors as number), 0);
    return { errors, all: errors + mine.reduce((n, g) => n + g.count, 0) };
  };
  const share = (f: { errors: number; all: number }) => (f.all === 0 ? 0 : f.errors / f.all);
  return questions.map((q) => {
    const r = q.recommendation;
    if (r === null) return q;
    for (const concurrency of r.levels) {
      const mine = failed(r.runtime.id, concurrency);
      if (share(mine) <= FAILING.share) continue;
      const other = r.over.map((o) => ({ o, f: failed(o.id, concurrency) })).find(({ f }) => share(f) < share(mine));
      if (other === undefined) continue;
      const reason = `${escapeInline(r.runtime.label)} failed ${mine.errors} of its ${mine.all} activations at concurrency ${concurrency} (${escapeInline(other.o.label)}: ${other.f.errors} of ${other.f.all}), and its times there are of those that succeeded`;
      return { ...q, recommendation: null, reason };
    }
    return q;
  });
}
