// The model's speedups: analyze's ratios (baseline / candidate), plus the same ratios per level for
// groups analyze did not compute them for (pre-aggregated rows), rounded to 2 decimals, with room
// for the confidence interval a later statistics stage adds. Where the analysis made its inference
// at the experimental unit, an interval is the unit's (a cluster bootstrap over runs, or over the
// activations of one run from the size the coverage simulation covers), never analyze's per-group
// activation bootstrap: that one treats the activations of a run as independent, and below 20 a
// side it covers less than 93% (bench/coverage/coverage.md).
import type { UnitInference, Speedup, SpeedupMetric, UnitComparison } from '../types.js';
import type { ReportGroup } from './groups.js';
import type { ModelSpeedup } from './model.js';
import { round, roundOrNull } from './round.js';

const METRICS: SpeedupMetric[] = ['avg_init', 'avg_wait', 'avg_cold_cost', 'avg_exec', 'avg_duration', 'avg_total', 'p50_total', 'p95_total'];

const key = (s: { candidate: string; concurrency: number | null; metric: string }) =>
  `${s.candidate}\u0000${s.concurrency}\u0000${s.metric}`;

export function modelSpeedups(analyzed: Speedup[], groups: ReportGroup[], baseline: string, order: string[], inference: UnitInference | null = null): ModelSpeedup[] {
  const ours = analyzed.filter((s) => s.baseline === baseline).map((s) => (inference ? withUnitInterval(s, inference.comparisons) : s));
  const known = new Set(ours.map(key));
  const find = (runtime: string, concurrency: number) =>
    groups.find((g) => g.runtime === runtime && g.concurrency === concurrency);
  const computed: Speedup[] = [];
  for (const group of groups) {
    if (group.runtime === baseline) continue;
    const base = find(baseline, group.concurrency);
    if (!base) continue;
    for (const metric of METRICS) {
      const b = base[metric];
      const c = group[metric];
      const speedup = { baseline, candidate: group.runtime, concurrency: group.concurrency, metric, ratio: 0 };
      if (b === null || c === null || c <= 0 || known.has(key(speedup))) continue;
      computed.push({ ...speedup, ratio: b / c, ci_low: null, ci_high: null });
    }
  }
  const rank = (s: Speedup) => [order.indexOf(s.candidate), s.concurrency ?? Infinity, METRICS.indexOf(s.metric)];
  return [...ours, ...computed]
    .sort((x, y) => {
      const [a, b] = [rank(x), rank(y)];
      return a[0] - b[0] || (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1) || a[2] - b[2];
    })
    .map((s) => ({ ...s, ratio: round(s.ratio, 2), ci_low: roundOrNull(s.ci_low, 2), ci_high: roundOrNull(s.ci_high, 2) }));
}

/** The figures whose ratio the unit-level comparison also gives (the same pooled means or medians). */
const UNIT_FIGURE: Partial<Record<SpeedupMetric, { metric: UnitComparison['metric']; of: 'mean' | 'median' }>> = {
  avg_init: { metric: 'init_ms', of: 'mean' },
  avg_exec: { metric: 'exec_ms', of: 'mean' },
  avg_total: { metric: 'total_ms', of: 'mean' },
  p50_total: { metric: 'total_ms', of: 'median' },
};

/**
 * The unit's interval for this ratio, or none: only where one comparison (one part, cold or warm,
 * at that level) covers the group, so that it is the interval of this very ratio.
 */
function withUnitInterval(s: Speedup, comparisons: readonly UnitComparison[]): Speedup {
  const figure = UNIT_FIGURE[s.metric];
  const matching = figure === undefined ? [] : comparisons.filter((c) =>
    c.baseline === s.baseline && c.candidate === s.candidate && c.concurrency === s.concurrency && c.metric === figure.metric);
  const only = matching.length === 1 ? matching[0]! : undefined;
  const ratio = only && (figure!.of === 'mean' ? only.mean_ratio : only.median_ratio);
  const ci = only && (figure!.of === 'mean' ? only.mean_ci : only.median_ci);
  const same = ratio !== undefined && Math.abs(ratio - s.ratio) <= 1e-9 * Math.abs(s.ratio);
  return { ...s, ci_low: same && ci ? ci[0] : null, ci_high: same && ci ? ci[1] : null };
}
