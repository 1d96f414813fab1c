// Speedups of each candidate runtime over the baseline (DESIGN.md §2.3): ratio = baseline /
// candidate, so above 1 the candidate is faster; with the bootstrap interval of the ratio.
import type { GroupFigures, Speedup, SpeedupMetric } from '../types.js';
import { percentileInterval, ratioReplicates } from './bootstrap.js';
import type { LevelFigures } from './columns.js';
import type { Replicates } from './intervals.js';

export const SPEEDUP_METRICS: readonly SpeedupMetric[] = [
  'avg_init', 'avg_wait', 'avg_cold_cost', 'avg_exec', 'avg_duration', 'avg_total', 'p50_total', 'p95_total',
];

/** A group's resampled figures; undefined for pre-aggregated groups (no distribution). */
export type ReplicatesOf = (group: GroupFigures) => Replicates | undefined;

/**
 * For each candidate (runtimes in string order), each concurrency level it shares with the
 * baseline (ascending), then overall (concurrency null): one entry per metric both sides have.
 * A ratio that is not finite (a zero candidate value) is left out rather than written as null.
 */
export function computeSpeedups(
  baseline: string,
  levels: readonly LevelFigures[],
  overall: ReadonlyMap<string, GroupFigures>,
  replicatesOf: ReplicatesOf = () => undefined,
): Speedup[] {
  const byRuntime = new Map<string, Map<number, GroupFigures>>();
  for (const figures of levels) {
    let atLevel = byRuntime.get(figures.runtime);
    if (!atLevel) byRuntime.set(figures.runtime, (atLevel = new Map()));
    atLevel.set(figures.concurrency, figures);
  }
  const base = byRuntime.get(baseline) ?? new Map<number, GroupFigures>();
  const candidates = [...new Set([...byRuntime.keys(), ...overall.keys()])].filter((r) => r !== baseline).sort(byCodeUnits);
  const compare = (b: GroupFigures, c: GroupFigures, concurrency: number | null) =>
    ratios(b, c, concurrency, replicatesOf(b), replicatesOf(c));
  const out: Speedup[] = [];
  for (const candidate of candidates) {
    const theirs = byRuntime.get(candidate) ?? new Map<number, GroupFigures>();
    const shared = [...theirs.keys()].filter((c) => base.has(c)).sort((a, b) => a - b);
    for (const concurrency of shared) out.push(...compare(base.get(concurrency)!, theirs.get(concurrency)!, concurrency));
    const baseOverall = overall.get(baseline);
    const theirOverall = overall.get(candidate);
    if (baseOverall && theirOverall) out.push(...compare(baseOverall, theirOverall, null));
  }
  return out;
}

function ratios(
  base: GroupFigures, candidate: GroupFigures, concurrency: number | null,
  baseReplicates: Replicates | undefined, candidateReplicates: Replicates | undefined,
): Speedup[] {
  const out: Speedup[] = [];
  for (const metric of SPEEDUP_METRICS) {
    const b = base[metric];
    const c = candidate[metric];
    if (b === null || c === null) continue;
    const ratio = b / c;
    if (!Number.isFinite(ratio)) continue;
    const bRep = baseReplicates?.[metric];
    const cRep = candidateReplicates?.[metric];
    const ci = bRep && cRep ? percentileInterval(ratioReplicates(bRep, cRep)) : null;
    out.push({
      baseline: base.runtime, candidate: candidate.runtime, concurrency, metric, ratio,
      ci_low: ci ? ci[0] : null, ci_high: ci ? ci[1] : null,
    });
  }
  return out;
}

/** Plain string order (UTF-16 code units): no locale, so the same bytes everywhere. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
