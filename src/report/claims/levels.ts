// Comparing two runtimes level by level (the sweep document's "up to N× faster, at concurrency
// L"): which runtime is faster at each shared level, by what factor, and whether one wins at every
// level, beyond which thresholds.
import { factor, ms } from '../round.js';
import { THRESHOLDS } from './thresholds.js';

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
  /** Within THRESHOLDS.same: neither is called faster at this level. */
  same: boolean;
}

export interface Spread {
  levels: LevelRatio[];
  /** The runtime faster (beyond THRESHOLDS.same) at every shared level; null when mixed. */
  winner: RuntimeRef | null;
  loser: RuntimeRef | null;
  /** The winner is faster by at least THRESHOLDS.significant at every level. */
  significant: boolean;
  /** The winner is faster by at least THRESHOLDS.orderOfMagnitude at every level. */
  order_of_magnitude: boolean;
  /** The level with the largest factor ("up to N×"), and the smallest ("at least N×"). */
  max: LevelRatio;
  min: LevelRatio;
  /** Levels each runtime won (beyond THRESHOLDS.same), for the mixed case. */
  wins: Array<{ runtime: RuntimeRef; levels: number[] }>;
  /** Levels where neither was faster beyond THRESHOLDS.same. */
  ties: number[];
}

export type Lookup = (runtime: string, concurrency: number) => number | null;

/** null when the two runtimes share no level with a positive value of the figure. */
export function spreadOf(a: RuntimeRef, b: RuntimeRef, levels: number[], value: Lookup): Spread | null {
  const ratios: LevelRatio[] = [];
  for (const concurrency of levels) {
    const va = value(a.id, concurrency);
    const vb = value(b.id, concurrency);
    if (va === null || vb === null || va <= 0 || vb <= 0) continue;
    const [faster, slower, fv, sv] = va <= vb ? [a, b, va, vb] : [b, a, vb, va];
    ratios.push({
      concurrency,
      faster,
      slower,
      factor: factor(sv / fv),
      faster_ms: ms(fv) as number,
      slower_ms: ms(sv) as number,
      same: sv / fv < THRESHOLDS.same,
    });
  }
  if (ratios.length === 0) return null;
  const decided = ratios.filter((r) => !r.same);
  const allWonBy = (runtime: RuntimeRef) =>
    decided.length === ratios.length && decided.every((r) => r.faster.id === runtime.id);
  const winner = allWonBy(a) ? a : allWonBy(b) ? b : null;
  // Largest and smallest factor; the lower level wins ties so the choice is stable.
  const raw = (r: LevelRatio) => r.slower_ms / r.faster_ms;
  const max = ratios.reduce((best, r) => (raw(r) > raw(best) ? r : best));
  const min = ratios.reduce((best, r) => (raw(r) < raw(best) ? r : best));
  const minFactor = raw(min);
  return {
    levels: ratios,
    winner,
    loser: winner === null ? null : winner.id === a.id ? b : a,
    significant: winner !== null && minFactor >= THRESHOLDS.significant,
    order_of_magnitude: winner !== null && minFactor >= THRESHOLDS.orderOfMagnitude,
    max,
    min,
    wins: [a, b]
      .map((runtime) => ({ runtime, levels: decided.filter((r) => r.faster.id === runtime.id).map((r) => r.concurrency) }))
      .filter((w) => w.levels.length > 0),
    ties: ratios.filter((r) => r.same).map((r) => r.concurrency),
  };
}
