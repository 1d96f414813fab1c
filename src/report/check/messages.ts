// What the consistency check says when a document contradicts itself or its own tables.

export function preferredTwice(runtimes: readonly string[]): string {
  return `the document prefers more than one runtime for the same question: ${runtimes.join(', ')}`;
}

export function preferredWithoutFinding(runtime: string): string {
  return `the document prefers ${runtime}, which no finding recommends`;
}

export function headingAgainstTests(heading: string, rows: number | null): string {
  if (rows === null) return `the heading "${heading}" claims a significant difference, but the test table has no total-time row for it`;
  return `the heading "${heading}" claims a significant difference, but ${rows} of the test table's total-time rows it covers are not significant in that direction`;
}

export function onlyIsEveryLevel(sentence: string): string {
  return `"${sentence}" lists every level tested, yet says "only"`;
}

export function sameEnds(text: string): string {
  return `a range with equal ends: "${text}"`;
}

export function claimAgainstTable(claim: string, computed: string): string {
  return `the claim "${claim}" does not match the summary table, which gives ${computed}`;
}

export function emptyHeading(heading: string): string {
  return `the heading "${heading}" has nothing under it`;
}

export function oneObservation(count: number): string {
  return `the document calls every figure one observation, but a group has ${count} activations`;
}

export function orderOfMagnitude(factor: number, level: number): string {
  return `the document claims an order of magnitude, but the ratio at concurrency ${level} is ${factor}×`;
}

export function contradictions(title: string, problems: readonly string[]): string {
  return `the document "${title}" contradicts itself, so it was not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

export function severalLevelsWord(word: string, levels: number): string {
  return `the document says "${word}", but it has ${levels} concurrency level${levels === 1 ? '' : 's'}`;
}

export function headingWithoutTest(heading: string, runtime: string): string {
  return `the heading "${heading}" favours ${runtime}, but no test of the document is significant in its favour`;
}

export function recommendedTwice(runtimes: readonly string[]): string {
  return `the document recommends or prefers more than one runtime: ${runtimes.join(', ')}`;
}

export function significanceAgainstP(cell: string, level: string): string {
  return `the test table's row at ${level} reads "${cell}": "significant" goes with p < 0.05 after Holm, and only with it`;
}

export function boldWithoutTest(span: string): string {
  return `the document sets a factor in bold (${span}), but no test in it finds a difference significant`;
}

export function significantWithoutTest(sentence: string): string {
  return `the document calls a difference significant ("${sentence.slice(0, 120)}"), but no test of it is`;
}

export function duplicateHeading(heading: string, times: number): string {
  return `the heading "${heading}" appears ${times} times`;
}

export function apacheOnEmbedded(times: number): string {
  return `the document says "Apache OpenWhisk" ${times} time${times === 1 ? '' : 's'}, but its run log records owbench's embedded server`;
}

export function emptyTable(header: string): string {
  return `the table "${header.slice(0, 80)}" has no rows`;
}

export function recommendedFromOneRun(sentence: string): string {
  return `"${sentence}" recommends a runtime, but each level was measured in a single run, which cannot tell a runtime from its run`;
}
