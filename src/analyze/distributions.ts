// The two reference distributions the tests need: the standard normal's upper tail (rank-test
// p-values) and Student's t quantiles (the interval of a slope fitted to a few level means).
import { betaIncomplete, erfc } from './special.js';

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * betaIncomplete(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t, 0.5 ≤ p < 1, by bisection on the CDF (60 halvings of a bracket
 * that doubles until it holds the answer: a few microseconds, exact to the last bits).
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0.5 && p < 1) || !(df > 0)) throw new RangeError(`studentTQuantile: need 0.5 ≤ p < 1 and df > 0, got ${p}, ${df}`);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-15 * high; i++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
