// "significant": the test at the experimental unit gives a Holm-adjusted p below ALPHA, the
// correction taken across every test the document reports (one family). Nothing else is.
import { ALPHA } from '../../../analyze/comparisons.js';

export const SIGNIFICANT = { alpha: ALPHA } as const;

export function isSignificant(test: { p_adjusted: number } | null | undefined): boolean {
  return test !== null && test !== undefined && test.p_adjusted < SIGNIFICANT.alpha;
}
