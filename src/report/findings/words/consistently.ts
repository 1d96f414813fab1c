// "consistently": a runtime's values stay within CONSISTENTLY.factor of each other across two or
// more levels, and each value is a mean over CONSISTENTLY.minRuns runs or more: a level measured
// once (one run, or one pre-aggregated row) cannot show that a value holds.
export const CONSISTENTLY = { factor: 1.25, minLevels: 2, minRuns: 3 } as const;

export function isConsistent(values: readonly number[], fewestRuns: number): boolean {
  if (values.length < CONSISTENTLY.minLevels || fewestRuns < CONSISTENTLY.minRuns) return false;
  const low = Math.min(...values);
  return low > 0 && Math.max(...values) / low <= CONSISTENTLY.factor;
}
