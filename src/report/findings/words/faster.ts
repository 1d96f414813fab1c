// "faster" / "slower" (and "lower", "about the same"): two times are called different only when
// one is RELEVANT.factor times the other or more; below that they are "about the same". A heading
// with "faster" (and ✅) needs more: see fasterHeading().
import { isSignificant } from './significant.js';

export const RELEVANT = { factor: 1.1 } as const;

/** ratio = one time over the other (either way round). */
export function isRelevant(ratio: number): boolean {
  return Number.isFinite(ratio) && ratio > 0 && Math.max(ratio, 1 / ratio) >= RELEVANT.factor;
}

export interface TestedLevel {
  /** baseline / candidate: above 1 the candidate is faster. */
  ratio: number;
  test: { p_adjusted: number } | null;
}

/**
 * "✅ X: Faster Than Y …, Significantly": at every level compared (one or more) the document's test is
 * significant and the difference relevant, all in one direction. 'candidate', 'baseline' or null.
 */
export function fasterHeading(levels: readonly TestedLevel[]): 'candidate' | 'baseline' | null {
  if (levels.length === 0 || !levels.every((l) => isSignificant(l.test) && isRelevant(l.ratio))) return null;
  if (levels.every((l) => l.ratio > 1)) return 'candidate';
  if (levels.every((l) => l.ratio < 1)) return 'baseline';
  return null;
}
