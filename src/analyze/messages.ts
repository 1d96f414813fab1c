// Every user-facing analyze message, as a named function, so tests assert the message by name.

export function unknownBaseline(requested: string, available: readonly string[]): string {
  const list = available.length === 0 ? 'none (the input has no activations)' : available.map((r) => `"${r}"`).join(', ');
  return `--baseline "${requested}" is not a runtime in the input; runtimes available: ${list}`;
}

export function rawAndAggregated(runtime: string, concurrency: number | null): string {
  return `runtime "${runtime}" at concurrency ${concurrency} comes both as raw activations and as ` +
    'pre-aggregated rows; analyze those inputs separately, or relabel one with --runtime';
}

export function unknownGroupKey(key: string, keys: readonly string[]): string {
  return `--by "${key}" is not a group key; keys: ${keys.join(', ')} (a comma-separated list)`;
}

export function severalConfigurations(runtime: string, configurations: readonly string[]): string {
  return `runtime "${runtime}" holds ${configurations.length} functions or memory sizes (${configurations.join('; ')}): ` +
    'each is its own group, and none of them is compared (speedups, rank tests, trends); give each its own runtime label ' +
    '(--runtime) or analyze them apart';
}

export function concurrencyNotRecorded(runtimes: readonly string[]): string {
  return `the data does not record how many invocations ran at once for ${runtimes.map((r) => `"${r}"`).join(', ')} ` +
    '(concurrency null): those groups are in no trend and no per-level speedup; their activations are compared as one ' +
    'stratum of their own (inference.unrecorded_level), one run unless the data tells runs apart';
}

/** A group as warnings name it: its runtime, level and (grouped by repetition) repetition. */
export interface GroupRef {
  runtime: string;
  concurrency: number | null;
  repetition?: number | null;
}

/** "blackbox at concurrency 1, 2 and 4; wasm:0.1 at concurrency 3" (runtimes in first-seen order). */
export function describeGroups(groups: readonly GroupRef[]): string {
  const byRuntime = new Map<string, string[]>();
  for (const g of groups) {
    const concurrency = g.concurrency === null ? 'not recorded' : String(g.concurrency);
    const level = g.repetition === undefined ? concurrency : `${concurrency} (repetition ${g.repetition})`;
    byRuntime.set(g.runtime, [...(byRuntime.get(g.runtime) ?? []), level]);
  }
  return [...byRuntime].map(([runtime, levels]) => `${runtime} at concurrency ${listOf(levels)}`).join('; ');
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// How the warnings about analyze's own intervals and rank tests begin (see isAboutActivationLevelMethods).
const NO_INTERVAL_LEAD = 'no 95% interval for ';
const SMALL_SAMPLES_LEAD = 'intervals from fewer than ';
const POWERLESS_LEAD = 'too few activations for a rank test';
const NORMAL_LIMIT_LEAD = 'so many activations in groups of ';

export function tooFewValues(figures: readonly string[], groups: readonly GroupRef[]): string {
  return `${NO_INTERVAL_LEAD}${listOf(figures)} in ${describeGroups(groups)}: a single value (an interval needs 2 or more)`;
}

/** `needs`: the activations a group needs for the percentile to have `tail` beyond it. */
export function tooFewBeyond(figures: ReadonlyArray<{ figure: string; needs: number }>, tail: number, groups: readonly GroupRef[]): string {
  const needs = figures.map((f) => `${f.figure} needs ${f.needs}`);
  return `${NO_INTERVAL_LEAD}${listOf(figures.map((f) => f.figure))} in ${describeGroups(groups)}: fewer than ${tail} ` +
    `activations beyond the percentile (${listOf(needs)} activations or more)`;
}

/**
 * Whether a warning is about the per-group activation bootstrap or the per-level rank tests: a
 * document whose inference is at the experimental unit prints neither, so these would speak of
 * intervals and tests it does not show (its own text says when its tests cannot reach p < 0.05).
 */
export function isAboutActivationLevelMethods(warning: string): boolean {
  return [NO_INTERVAL_LEAD, SMALL_SAMPLES_LEAD, POWERLESS_LEAD, NORMAL_LIMIT_LEAD].some((lead) => warning.startsWith(lead));
}

export function smallSamples(limit: number, groups: readonly GroupRef[]): string {
  return `${SMALL_SAMPLES_LEAD}${limit} activations are rough (a percentile bootstrap runs narrow on ` +
    `small samples): ${describeGroups(groups)}`;
}

export function noDistribution(groups: readonly GroupRef[]): string {
  return `pre-aggregated rows carry no distribution: no confidence intervals, rank tests or per-activation ` +
    `trends for ${describeGroups(groups)}`;
}

export function powerlessTests(groups: readonly GroupRef[]): string {
  return `${POWERLESS_LEAD} to reach p < 0.05 whatever the data (the smallest two-sided ` +
    `p-value of n and m untied values is 2 / C(n + m, n)): the baseline against ${describeGroups(groups)}`;
}

export function normalLimitEverywhere(budget: number): string {
  return `${NORMAL_LIMIT_LEAD}2000 or fewer that resampling every mean would take over ${budget} draws: ` +
    'every mean\'s interval uses the normal limit of the bootstrap (mean ± its standard error), not resampling';
}

/** A mean carried by a few activations (heavy-tail.ts): which, how much, and what claims use instead. */
export function heavyTail(t: {
  runtime: string; concurrency: number | null; part: string; metric: string; few: number; activations: number;
  slowest_ms: readonly number[]; ids: ReadonlyArray<string | null>; mean_ms: number; mean_without_ms: number;
}): string {
  const named = t.slowest_ms.map((v, i) => `${round2(v)} ms${t.ids[i] ? ` (${t.ids[i]})` : ''}`);
  const more = t.few > t.slowest_ms.length ? `, …` : '';
  const level = t.concurrency === null ? 'concurrency not recorded' : `concurrency ${t.concurrency}`;
  return `the mean ${t.metric} of ${t.runtime} at ${level} (${t.part}) is carried by its ${t.few} slowest of ${t.activations} ` +
    `activation${t.activations === 1 ? '' : 's'} (${named.join(', ')}${more}): ${round2(t.mean_ms)} ms with them, ` +
    `${round2(t.mean_without_ms)} ms without (${Math.round((t.mean_ms / t.mean_without_ms - 1) * 100)}% more); claims about it use the median`;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
