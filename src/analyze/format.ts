// The readable form of an Analysis for a terminal (`owbench analyze` without --json): two
// aligned tables, numbers at 2 decimals as Python's round gives them, "—" where not computable.
import type { Analysis, CompositionFigures, GroupFigures, Speedup, SpeedupMetric } from '../types.js';
import { roundHalfEven } from './round.js';
import { SPEEDUP_METRICS } from './speedups.js';

const GROUP_COLUMNS = [
  'count', 'errors', 'cold', 'avg_init', 'avg_wait', 'max_wait', 'avg_exec', 'avg_duration', 'avg_total',
  'p50_total', 'p95_total', 'p99_total', 'max_total',
] as const satisfies readonly (keyof GroupFigures)[];

export function formatAnalysis(analysis: Analysis): string {
  const parts = [formatGroups(analysis.groups)];
  if (analysis.compositions.length > 0) parts.push(formatCompositions(analysis.compositions));
  if (analysis.speedups.length > 0) parts.push(formatSpeedups(analysis.speedups));
  if (analysis.warnings.length > 0) parts.push(`notes\n${analysis.warnings.map((w) => `- ${w}\n`).join('')}`);
  return parts.join('\n');
}

/**
 * Function, memory and action columns where the groups differ in them; timeouts, and the cold and
 * warm means, where there are any (so data of the old shapes prints the old table).
 */
function formatGroups(groups: readonly GroupFigures[]): string {
  const differ = (f: (g: GroupFigures) => unknown) => new Set(groups.map(f)).size > 1;
  const byRepetition = groups.some((g) => g.repetition !== undefined);
  const byAction = groups.some((g) => g.action !== undefined);
  const optional: Array<[string, boolean, (g: GroupFigures) => string]> = [
    ['function', differ((g) => g.function), (g) => g.function ?? '—'],
    ['memory_mb', differ((g) => g.memory_mb), (g) => cell(g.memory_mb)],
    ['action', byAction, (g) => g.action ?? '—'],
  ];
  const extra: Array<[string, boolean, (g: GroupFigures) => string]> = [
    ['timeouts', groups.some((g) => (g.failures?.timeout ?? 0) > 0), (g) => cell(g.failures?.timeout ?? null)],
    ['cold_avg_total', groups.some((g) => (g.parts.cold?.count ?? 0) > 0 && (g.parts.warm?.count ?? 0) > 0), (g) => cell(g.parts.cold?.avg_total ?? null)],
    ['warm_avg_total', groups.some((g) => (g.parts.cold?.count ?? 0) > 0 && (g.parts.warm?.count ?? 0) > 0), (g) => cell(g.parts.warm?.avg_total ?? null)],
  ];
  const shownKeys = optional.filter(([, shown]) => shown);
  const shownExtra = extra.filter(([, shown]) => shown);
  const header = ['runtime', ...shownKeys.map(([name]) => name), 'concurrency', ...(byRepetition ? ['repetition'] : []),
    ...GROUP_COLUMNS, ...shownExtra.map(([name]) => name)];
  const rows = groups.map((g) => [
    g.runtime, ...shownKeys.map(([, , value]) => value(g)), g.concurrency === null ? 'not recorded' : String(g.concurrency),
    ...(byRepetition ? [cell(g.repetition ?? null)] : []),
    ...GROUP_COLUMNS.map((c) => cell(g[c])), ...shownExtra.map(([, , value]) => value(g)),
  ]);
  return `groups (latency in ms over successful activations)\n${alignedTable(header, rows)}`;
}

function formatCompositions(compositions: readonly CompositionFigures[]): string {
  const header = ['composition', 'action', 'count', 'errors', 'timeouts', 'avg_duration', 'max_duration', 'avg_components'];
  const rows = compositions.map((c) => [
    c.composition, c.action ?? '—', String(c.count), String(c.errors), String(c.failures.timeout),
    cell(c.avg_duration), cell(c.max_duration), cell(c.avg_components),
  ]);
  return `compositions (sequences, conductors and fired triggers: end-to-end duration in ms, kept out of the runtime groups)\n${alignedTable(header, rows)}`;
}

function formatSpeedups(speedups: readonly Speedup[]): string {
  const keyOf = (s: Speedup) => `${s.candidate}\u0000${s.concurrency}`;
  const rows = new Map<string, Map<SpeedupMetric, Speedup>>();
  const labels = new Map<string, [string, string]>();
  for (const s of speedups) {
    if (!rows.has(keyOf(s))) {
      rows.set(keyOf(s), new Map());
      labels.set(keyOf(s), [s.candidate, s.concurrency === null ? 'overall' : String(s.concurrency)]);
    }
    rows.get(keyOf(s))!.set(s.metric, s);
  }
  // The headline ratio's 95% interval beside the ratios; the JSON has every metric's.
  const header = ['candidate', 'concurrency', ...SPEEDUP_METRICS, 'avg_total 95% CI'];
  const body = [...rows].map(([key, ratios]) => {
    const total = ratios.get('avg_total');
    const ci = total && total.ci_low !== null && total.ci_high !== null ? `${cell(total.ci_low)}–${cell(total.ci_high)}` : '—';
    return [...labels.get(key)!, ...SPEEDUP_METRICS.map((m) => cell(ratios.get(m)?.ratio ?? null)), ci];
  });
  return `speedups over ${speedups[0].baseline} (baseline / candidate: above 1 the candidate is faster)\n` +
    alignedTable(header, body);
}

function cell(value: number | null): string {
  return value === null ? '—' : String(roundHalfEven(value, 2));
}

/** Left-aligned first column, the rest right-aligned, two spaces apart. */
function alignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
