// "consistently": a runtime's values stay within CONSISTENTLY.factor of each other across the
// levels measured (at least two levels).
export const CONSISTENTLY = { factor: 1.25, minLevels: 2 } as const;

export function isConsistent(values: readonly number[]): boolean {
  if (values.length < CONSISTENTLY.minLevels) return false;
  const low = Math.min(...values);
  return low > 0 && Math.max(...values) / low <= CONSISTENTLY.factor;
}
