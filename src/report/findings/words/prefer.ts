// "Prefer X", "the better choice", "recommend": a runtime is preferred over another only when the
// document's test is significant and the difference practically relevant (RELEVANT.factor) in the
// same direction at every level compared, on the figure the claim rests on (the median where a
// mean is carried by a few activations), and mean and median agree in direction. One runtime at
// most per question (src/report/findings/recommend.ts); the words' reach is scopeOf().
import type { UnitComparison } from '../../../types.js';
import { isRelevant } from './faster.js';
import { isSignificant } from './significant.js';

export type Standing = 'wins' | 'loses' | 'undecided';

/** The figure a claim rests on: the median where either side's mean is carried by a few activations. */
export function claimRatio(c: Pick<UnitComparison, 'heavy_tails' | 'mean_ratio' | 'median_ratio'>): { ratio: number; statistic: 'mean' | 'median' } {
  return c.heavy_tails.length > 0 ? { ratio: c.median_ratio, statistic: 'median' } : { ratio: c.mean_ratio, statistic: 'mean' };
}

/** The candidate's standing against the baseline over its tests (every level compared, one part). */
export function standingOf(tests: readonly UnitComparison[]): Standing {
  const holds = (c: UnitComparison, faster: boolean) => {
    const { ratio } = claimRatio(c);
    const way = faster ? ratio > 1 && c.mean_ratio > 1 && c.median_ratio > 1 : ratio < 1 && c.mean_ratio < 1 && c.median_ratio < 1;
    return isSignificant(c) && isRelevant(ratio) && way;
  };
  if (tests.length > 0 && tests.every((c) => holds(c, true))) return 'wins';
  if (tests.length > 0 && tests.every((c) => holds(c, false))) return 'loses';
  return 'undecided';
}

/** How far a recommendation's words reach: "in this run" (one run per cell) or "across 8 runs". */
export function scopeOf(unit: 'run' | 'activation', runs: { min: number; max: number }): string {
  if (unit === 'activation') return 'in this run';
  return `across ${runs.min === runs.max ? runs.min : `${runs.min} to ${runs.max}`} runs`;
}
