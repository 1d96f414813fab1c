// The document's one family of tests (issue 11 item 3). The question a document asks is which
// runtime has the lower total time, per candidate, level and part (cold, warm): those tests, and
// only those, are reported as tests and Holm-corrected together. Init, execution and medians are
// shown with their intervals and labelled "not tested", so that questions nobody asked do not
// spend the power of the one that was.
import { holm } from '../../analyze/rank-test.js';
import { choose, RANDOM_SPLITS } from '../../analyze/permutation.js';
import type { UnitComparison, UnitInference } from '../../types.js';
import { SIGNIFICANT } from './words/significant.js';

export interface Family {
  /** The total-time comparisons, with p_adjusted and significant taken over this family. */
  tests: UnitComparison[];
  /** Whether any test of this size could be significant at all (null: not an exact/Monte Carlo test). */
  attainable: Attainable | null;
}

export interface Attainable {
  /** The smallest p any test here can give (2 / C(n + m, n) for an exact permutation test), 4 decimals. */
  min_p: number;
  /** Holm's first step on it: the smallest adjusted p any test of this document can reach. */
  min_p_adjusted: number;
  /** min_p_adjusted < alpha. */
  reachable: boolean;
  /** Units per side (runs, or activations) at which the least test could reach significance. */
  units_needed: number;
  /** The sizes of the test that can give that smallest p (the best-powered one). */
  n_baseline: number;
  n_candidate: number;
}

const key = (c: Pick<UnitComparison, 'candidate' | 'concurrency' | 'part'>) => `${c.candidate}\u0000${c.concurrency}\u0000${c.part}`;

export function documentFamily(inference: UnitInference): Family {
  const totals = inference.comparisons.filter((c) => c.metric === 'total_ms');
  const adjusted = holm(totals.map((c) => c.p));
  const tests = totals.map((c, i) => ({ ...c, p_adjusted: adjusted[i], significant: adjusted[i] < SIGNIFICANT.alpha }));
  return { tests, attainable: attainableOf(tests) };
}

export function testOf(family: Family, c: Pick<UnitComparison, 'candidate' | 'concurrency' | 'part'>): UnitComparison | null {
  return family.tests.find((t) => key(t) === key(c)) ?? null;
}

/** The smallest p a permutation test can give with these sizes; 0 for the normal approximation. */
export function smallestP(c: Pick<UnitComparison, 'method' | 'n_baseline' | 'n_candidate'>): number {
  if (c.method === 'exact permutation') return Math.min(1, 2 / choose(c.n_baseline + c.n_candidate, Math.min(c.n_baseline, c.n_candidate)));
  if (c.method === 'monte carlo permutation') return 2 / (1 + RANDOM_SPLITS);
  return 0;
}

function attainableOf(tests: UnitComparison[]): Attainable | null {
  if (tests.length === 0 || tests.some((t) => t.method === 'normal approximation')) return null;
  const best = tests.reduce((a, b) => (smallestP(b) < smallestP(a) ? b : a));
  const least = smallestP(best);
  const minAdjusted = Math.min(1, tests.length * least);
  const needed = unitsNeeded(tests.length);
  return {
    min_p: Math.round(least * 1e4) / 1e4, min_p_adjusted: Math.round(minAdjusted * 1e4) / 1e4,
    reachable: minAdjusted < SIGNIFICANT.alpha, units_needed: needed, n_baseline: best.n_baseline, n_candidate: best.n_candidate,
  };
}

/** Units per side at which an exact permutation test, Holm-corrected over `tests` tests, can reach significance. */
export function unitsNeeded(tests: number): number {
  let needed = 2;
  while (tests * (2 / choose(2 * needed, needed)) >= SIGNIFICANT.alpha) needed++;
  return needed;
}
