// A series over concurrency levels "rises" or "falls" when its last level differs from its first by
// FLAT.factor or more; it is "flat" ("within 20%") only when every level lies within FLAT.factor
// of every other, not just the two ends. Anything else "varies".
export const FLAT = { factor: 1.2 } as const;

export type Direction = 'rises' | 'falls' | 'flat' | 'varies';

export function directionOf(values: readonly number[]): Direction {
  if (values.length < 2 || !values.every((v) => v > 0)) return 'varies';
  const ratio = values[values.length - 1] / values[0];
  if (ratio >= FLAT.factor) return 'rises';
  if (ratio <= 1 / FLAT.factor) return 'falls';
  return Math.max(...values) / Math.min(...values) < FLAT.factor ? 'flat' : 'varies';
}
