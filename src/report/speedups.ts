// The model's speedups: analyze's ratios (baseline / candidate), plus the same ratios per level for
// groups analyze did not compute them for (pre-aggregated rows), rounded to 2 decimals, with room
// for the confidence interval a later statistics stage adds.
import type { Speedup, SpeedupMetric } from '../types.js';
import type { ReportGroup } from './groups.js';
import type { ModelSpeedup } from './model.js';
import { round, roundOrNull } from './round.js';

const METRICS: SpeedupMetric[] = ['avg_init', 'avg_wait', 'avg_cold_cost', 'avg_exec', 'avg_duration', 'avg_total', 'p50_total', 'p95_total'];

const key = (s: { candidate: string; concurrency: number | null; metric: string }) =>
  `${s.candidate}\u0000${s.concurrency}\u0000${s.metric}`;

export function modelSpeedups(analyzed: Speedup[], groups: ReportGroup[], baseline: string, order: string[]): ModelSpeedup[] {
  const ours = analyzed.filter((s) => s.baseline === baseline);
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
