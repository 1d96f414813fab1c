// Bold: a factor is set in bold only where the document's test finds the difference significant
// at every level its sentence speaks of. Stressing a factor that the next sentence calls
// run-to-run noise, or one no test could weigh (pre-aggregated rows), says more than the data.
export function isBold(levels: ReadonlyArray<{ significant: boolean | null }>): boolean {
  return levels.length > 0 && levels.every((level) => level.significant === true);
}
