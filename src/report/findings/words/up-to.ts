// "up to N×, at least M×" and "M× to N×": the largest of several per-level factors, all in the
// same direction (rounded to the nearest tenth), and the smallest rounded down (1.47 is not at
// least 1.5×), so both sentences of a document give the same two ends. With one level, or when
// the two ends print alike, the factor is one value and is written as such.
export function upTo(levels: number, atLeast: number, largest: number): boolean {
  return levels >= 2 && isRange(atLeast, largest);
}

/** "A× to B×" needs two different ends: else "A×" (no "26.2× to 26.2×"). */
export function isRange(low: number, high: number): boolean {
  return low !== high;
}
