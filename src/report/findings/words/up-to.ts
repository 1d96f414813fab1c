// "up to N×": the largest of several per-level factors, all in the same direction. With one level,
// or when every level gives the same factor, the factor is one value and is written as such.
export function upTo(factors: readonly number[]): boolean {
  return factors.length >= 2 && Math.max(...factors) !== Math.min(...factors);
}

/** "A× to B×" needs two different ends: else "A×" (no "26.2× to 26.2×"). */
export function isRange(low: number, high: number): boolean {
  return low !== high;
}
