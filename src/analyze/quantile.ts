// Percentiles by numpy's default method ("linear", Hyndman–Fan type 7), operation for operation
// as numpy 1.24's _quantile/_lerp, so results agree to the last bit, not just approximately.
import { sortAscending } from './sort.js';

/**
 * The tail percentiles of DESIGN.md §2.3, as fractions. Written as numpy.percentile computes
 * them (percent / 100): equal to the literals here, not for every percent (99.9 / 100 ≠ 0.999).
 */
export const TOTAL_PERCENTILES = {
  p50_total: 50 / 100, p90_total: 90 / 100, p95_total: 95 / 100, p99_total: 99 / 100,
} as const;

/**
 * The p-quantile (0 ≤ p ≤ 1) of values sorted ascending; NaN when there are none.
 * numpy: virtual index (n−1)·p, gamma its fractional part, then a lerp that for gamma ≥ 0.5
 * is computed from the upper neighbour (b − (b−a)·(1−gamma)).
 */
export function quantileSorted(values: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n === 0) return NaN;
  const virtual = (n - 1) * p;
  if (virtual >= n - 1) return values[n - 1];
  const below = Math.floor(virtual);
  const gamma = virtual - below;
  const a = values[below];
  const b = values[below + 1];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** True when the values are in ascending order (an O(n) check that spares an O(n log n) sort). */
export function isAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}

/** A sorted copy (typed-array numeric sort; the input is left as it was). */
export function sortedCopy(values: Float64Array): Float64Array {
  return sortAscending(Float64Array.from(values));
}
