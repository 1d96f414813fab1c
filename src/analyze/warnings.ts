// The analysis' warnings: why a figure has no interval, where intervals are rough, where a test
// cannot decide anything. One sentence per cause, naming every group it concerns.
import type { GroupFigures, IntervalFigure, RankTest, UnitInference } from '../types.js';
import { BOOTSTRAP, type NoInterval } from './bootstrap.js';
import type { GroupBootstrap } from './intervals.js';
import * as msg from './messages.js';
import { configurationName } from './names.js';
import { TOTAL_PERCENTILES } from './quantile.js';

/** Below this many activations a group's intervals get the "rough" warning. */
export const ROUGH_BELOW = 10;

/** `several`: runtimes holding several functions or memory sizes, whose groups are named with theirs. */
export function analysisWarnings(
  reported: ReadonlyArray<{ figures: GroupFigures; bootstrap: GroupBootstrap | null }>,
  comparisons: readonly RankTest[],
  several: ReadonlyMap<string, unknown> = new Map(),
): string[] {
  const warnings: string[] = [];
  const nameOf = (g: GroupFigures) => (several.has(g.runtime) ? `${g.runtime} (${configurationName(g)})` : g.runtime);
  const ref = (g: GroupFigures): msg.GroupRef =>
    g.repetition === undefined ? { runtime: nameOf(g), concurrency: g.concurrency } : { runtime: nameOf(g), concurrency: g.concurrency, repetition: g.repetition };

  const aggregated = reported.filter((r) => r.bootstrap === null).map((r) => ref(r.figures));
  if (aggregated.length > 0) warnings.push(msg.noDistribution(aggregated));

  const missing = new Map<string, { figure: IntervalFigure; reason: NoInterval; groups: msg.GroupRef[] }>();
  for (const { figures, bootstrap } of reported) {
    for (const { figure, reason } of bootstrap?.missing ?? []) {
      const key = `${figure}\u0000${reason}`;
      if (!missing.has(key)) missing.set(key, { figure, reason, groups: [] });
      missing.get(key)!.groups.push(ref(figures));
    }
  }
  // One sentence per cause and set of groups, naming every figure it concerns.
  const sentences = new Map<string, { reason: NoInterval; figures: IntervalFigure[]; groups: msg.GroupRef[] }>();
  for (const { figure, reason, groups } of missing.values()) {
    const key = `${reason}\u0000${msg.describeGroups(groups)}`;
    if (!sentences.has(key)) sentences.set(key, { reason, figures: [], groups });
    sentences.get(key)!.figures.push(figure);
  }
  for (const { reason, figures, groups } of sentences.values()) {
    if (reason === 'too few values') warnings.push(msg.tooFewValues(figures, groups));
    else warnings.push(msg.tooFewBeyond(figures.map((f) => ({ figure: f, needs: activationsNeeded(f) })), BOOTSTRAP.minTail, groups));
  }

  const rough = reported.filter((r) => r.bootstrap !== null && r.figures.count >= BOOTSTRAP.minCount && r.figures.count < ROUGH_BELOW);
  if (rough.length > 0) warnings.push(msg.smallSamples(ROUGH_BELOW, rough.map((r) => ref(r.figures))));

  const powerless = comparisons.filter((c) => c.metric === 'total_ms' && 2 / binomial(c.n_baseline + c.n_candidate, c.n_baseline) >= 0.05);
  if (powerless.length > 0) warnings.push(msg.powerlessTests(powerless.map((c) => ({ runtime: c.candidate, concurrency: c.concurrency }))));
  return warnings;
}

/** The smallest group whose p-quantile has BOOTSTRAP.minTail values beyond it. */
function activationsNeeded(figure: IntervalFigure): number {
  const p = TOTAL_PERCENTILES[figure as keyof typeof TOTAL_PERCENTILES];
  return Math.ceil(Math.round((BOOTSTRAP.minTail / Math.min(p, 1 - p)) * 1e6) / 1e6);
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** One warning per (runtime, level, part, metric) whose mean a few activations carry, naming them. */
export function heavyTailWarnings(inference: UnitInference | undefined): string[] {
  if (!inference) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of [...inference.comparisons, ...(inference.unrecorded_level ?? [])]) {
    for (const t of c.heavy_tails) {
      const key = `${t.runtime}\u0000${c.concurrency}\u0000${c.part}\u0000${c.metric}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(msg.heavyTail({ ...t, concurrency: c.concurrency, part: c.part, metric: c.metric, ids: t.activation_ids ?? [] }));
    }
  }
  return out;
}
