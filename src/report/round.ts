// Display rounding for the report model. toFixed is exact on the binary value and independent of
// locale (unlike toLocaleString), so the same figures give the same bytes everywhere.

/** Rounds to `digits` decimals; -0 becomes 0 so that no document shows "-0". */
export function round(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

export function roundOrNull(value: number | null, digits: number): number | null {
  return value === null ? null : round(value, digits);
}

/** Milliseconds as the seed shows them: up to 2 decimals (1715.5, 1542.33, 27562). */
export const ms = (value: number | null): number | null => roundOrNull(value, 2);

/** A ratio for "N× faster": 1 decimal (27562 / 1567.75 → 17.6). */
export const factor = (value: number): number => round(value, 1);

/**
 * A ratio called "about the same" (below the relevant 1.1×): 2 decimals, so that 1.07 does not read
 * "about the same (1.1×)" beside a relevant "1.1× faster".
 */
export const sameFactor = (value: number): number => round(value, 2);

/** A classifier's confidence: 4 decimals (0.6041240692138672 → 0.6041). */
export const confidence = (value: number | null): number | null => roundOrNull(value, 4);

/** A percentage with no decimals (0.283 → 28). */
export const percent = (fraction: number): number => round(fraction * 100, 0);
