// Comparing two runtimes level by level: which runtime has the lower figure at each shared level,
// by what factor, whether one is lower at every level (a description of this data), and the
// document's test at each level where there is one (src/report/findings/family.ts).
import { factor, ms } from '../round.js';
import { isRelevant } from '../findings/words/faster.js';
import { isSignificant } from '../findings/words/significant.js';

export interface RuntimeRef {
  id: string;
  label: string;
}

export interface LevelRatio {
  concurrency: number;
  faster: RuntimeRef;
  slower: RuntimeRef;
  /** slower / faster, 1 decimal. */
  factor: number;
  faster_ms: number;
  slower_ms: number;
  /** Not relevant (findings/words/faster.ts): neither is called faster at this level. */
  same: boolean;
  /** The document's test at this level: null where none (pre-aggregated rows, or no test asked). */
  significant: boolean | null;
}

export interface Spread {
  levels: LevelRatio[];
  /** The runtime with the lower figure (relevantly) at every shared level; null when mixed. */
  winner: RuntimeRef | null;
  loser: RuntimeRef | null;
  /** The level with the largest factor, and the smallest. */
  max: LevelRatio;
  min: LevelRatio;
  /** The smallest factor rounded down to 1 decimal: what "at least N×" may say (1.47 is not at least 1.5×). */
  at_least: number;
  /** Levels each runtime had the lower figure at (relevantly), for the mixed case. */
  wins: Array<{ runtime: RuntimeRef; levels: number[] }>;
  /** Levels where neither was relevantly lower. */
  ties: number[];
}

export type Lookup = (runtime: string, concurrency: number) => number | null;
/** The document's test at a level, if any: its Holm-adjusted p. */
export type TestLookup = (concurrency: number) => { p_adjusted: number } | null;

/** null when the two runtimes share no level with a positive value of the figure. */
export function spreadOf(a: RuntimeRef, b: RuntimeRef, levels: number[], value: Lookup, test: TestLookup = () => null): Spread | null {
  const ratios: LevelRatio[] = [];
  for (const concurrency of levels) {
    const va = value(a.id, concurrency);
    const vb = value(b.id, concurrency);
    if (va === null || vb === null || va <= 0 || vb <= 0) continue;
    const [faster, slower, fv, sv] = va <= vb ? [a, b, va, vb] : [b, a, vb, va];
    const t = test(concurrency);
    ratios.push({
      concurrency, faster, slower,
      factor: factor(sv / fv), faster_ms: ms(fv) as number, slower_ms: ms(sv) as number,
      same: !isRelevant(sv / fv),
      significant: t === null ? null : isSignificant(t),
    });
  }
  if (ratios.length === 0) return null;
  const decided = ratios.filter((r) => !r.same);
  const allWonBy = (runtime: RuntimeRef) =>
    decided.length === ratios.length && decided.every((r) => r.faster.id === runtime.id);
  const winner = allWonBy(a) ? a : allWonBy(b) ? b : null;
  // Largest and smallest factor; the lower level wins ties so the choice is stable.
  const raw = (r: LevelRatio) => r.slower_ms / r.faster_ms;
  const min = ratios.reduce((best, r) => (raw(r) < raw(best) ? r : best));
  return {
    levels: ratios,
    winner,
    loser: winner === null ? null : winner.id === a.id ? b : a,
    max: ratios.reduce((best, r) => (raw(r) > raw(best) ? r : best)),
    min,
    at_least: Math.floor(raw(min) * 10 + 1e-9) / 10,
    wins: [a, b]
      .map((runtime) => ({ runtime, levels: decided.filter((r) => r.faster.id === runtime.id).map((r) => r.concurrency) }))
      .filter((w) => w.levels.length > 0),
    ties: ratios.filter((r) => r.same).map((r) => r.concurrency),
  };
}
