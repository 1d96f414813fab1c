// "order of magnitude": the ratio the claim rests on is 10× or more at every level, no mean behind
// it is carried by a few activations, and the document's test is significant at each level. Data
// that allows no test (pre-aggregated rows) gets the factor, never the words.
export const ORDER_OF_MAGNITUDE = { factor: 10 } as const;

export interface MagnitudeLevel {
  factor: number;
  heavyTail: boolean;
  /** null when the data allows no test (pre-aggregated rows). */
  significant: boolean | null;
}

export function isOrderOfMagnitude(levels: readonly MagnitudeLevel[]): boolean {
  return levels.length > 0 && levels.every((l) => l.factor >= ORDER_OF_MAGNITUDE.factor && !l.heavyTail && l.significant === true);
}
