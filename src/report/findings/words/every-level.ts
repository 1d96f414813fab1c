// "at every level": the statement holds at each concurrency level both runtimes were measured at,
// and there are at least two such levels (with one level the words would add nothing true: the
// document names the level instead).
export const EVERY_LEVEL = { minLevels: 2 } as const;

export function atEveryLevel<T>(levels: readonly T[], holds: (level: T) => boolean): boolean {
  return levels.length >= EVERY_LEVEL.minLevels && levels.every(holds);
}
