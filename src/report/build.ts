// buildReportModel: the table and its analysis → the report model (./model.ts). Chooses the
// template, resolves the baseline and display labels, rounds every figure and runs the claim rules.
import { UsageError } from '../errors.js';
import type { Analysis, Table } from '../types.js';
import { version } from '../version.js';
import { chooseTemplate, hasColdStart } from './choose-template.js';
import type { RuntimeRef } from './claims/levels.js';
import { pairClaims } from './claims/pair.js';
import { sweepClaims } from './claims/sweep.js';
import { warmClaims } from './claims/warm.js';
import { groupLabel, reportGroups, runtimeOrder, type ReportGroup } from './groups.js';
import { codeSpan, escapeInline } from './markdown.js';
import { MODEL_SCHEMA, type ModelGroup, type ProvenanceInput, type ReportModel, type TemplateName } from './model.js';
import { modelPoints } from './points.js';
import { provenanceInputs } from './provenance.js';
import { ms } from './round.js';
import { modelSpeedups } from './speedups.js';
import { modelCaveats } from './caveats.js';
import { modelStatistics } from './statistics.js';
import { buildFindings } from './findings/index.js';
import { settingsOf } from './setting.js';
import { gateSweep, gateWarm } from './findings/gate.js';
import { INTERVAL_FIGURES } from '../analyze/index.js';
import type { GroupIntervals, PartFigures } from '../types.js';

export interface ReportOptions {
  /** The document kind; chosen from the data's shape when absent (see chooseTemplate). */
  template?: TemplateName;
  /** The document's title, as Markdown; a default built from the runtimes when absent. */
  title?: string;
  /** The runtime ratios are measured against; else analyze's, else `blackbox`, else the first. */
  baseline?: string;
  /** Display names by runtime id, e.g. {"vanilla docker": "Docker", "wasm": "WASM"}. */
  labels?: Record<string, string>;
  /** Inputs as the provenance block lists them; default: the table's sources, posix separators. */
  inputs?: ProvenanceInput[];
}

export function buildReportModel(table: Table, analysis: Analysis, options: ReportOptions = {}): ReportModel {
  const order = runtimeOrder(table, analysis);
  if (order.length === 0) throw new UsageError('no activations or aggregate rows to report');
  const labels = options.labels ?? {};
  for (const runtime of Object.keys(labels)) {
    if (!order.includes(runtime)) throw new UsageError(unknownRuntime('--label', runtime, order));
  }
  const baseline = resolveBaseline(options.baseline, analysis, order);
  const { template, reason } = chooseTemplate(table, options.template);
  const labelOf = (id: string) => labels[id] ?? id;
  const runtimes: RuntimeRef[] = order.map((id) => ({ id, label: labelOf(id) }));
  const base = runtimes.find((r) => r.id === baseline) as RuntimeRef;
  const groups = reportGroups(table, analysis);
  const levels = [...new Set(groups.map((g) => g.concurrency))].sort((a, b) => a - b);
  // Sweep and warm documents lay their figures out by level: with none recorded they would be
  // empty tables and "from — to —". Refuse, and say where the comparison can be had (issue 11).
  if (levels.length === 0 && template !== 'pair') throw new UsageError(noLevelMessage(table));

  const { findings, family } = buildFindings(analysis, runtimes, base);
  const settings = settingsOf(table.sources, new Set(table.activations.flatMap((r) => (r.kind === null ? [] : [r.kind]))));
  const claims =
    template === 'pair'
      ? pairClaims(table.activations, labelOf)
      : template === 'warm'
        ? gateWarm(warmClaims(groups, runtimes, base, levels, family), findings)
        : gateSweep(sweepClaims(groups, runtimes, base, levels, family), findings);
  const statistics = modelStatistics(analysis, runtimes, base, family);
  return {
    schema: MODEL_SCHEMA,
    template,
    template_reason: reason,
    title: options.title ?? defaultTitle(template, runtimes, base, levels, hasColdStart(table)),
    baseline,
    runtimes: runtimes.map((r) => ({ ...r, baseline: r.id === baseline })),
    levels,
    groups: groups.map((g) => modelGroup(g, groupLabel(g, labelOf(g.runtime), groups))),
    speedups: modelSpeedups(analysis.speedups, groups, baseline, order, analysis.inference ?? null),
    claims,
    statistics,
    findings,
    settings,
    caveats: modelCaveats(table, analysis, groups, runtimes, settings, family, statistics.intervals),
    points: modelPoints(table),
    figures: [],
    warnings: [...table.warnings],
    provenance: {
      inputs: options.inputs ?? provenanceInputs(table),
      parameters: {
        template: options.template ?? null,
        baseline: options.baseline ?? null,
        labels: sortedLabels(labels),
        title: options.title ?? null,
      },
      owbench_version: version,
    },
  };
}

function resolveBaseline(named: string | undefined, analysis: Analysis, order: string[]): string {
  if (named !== undefined) {
    if (!order.includes(named)) throw new UsageError(unknownRuntime('--baseline', named, order));
    return named;
  }
  const analyzed = analysis.speedups[0]?.baseline;
  if (analyzed !== undefined && order.includes(analyzed)) return analyzed;
  return order.includes('blackbox') ? 'blackbox' : order[0];
}

function unknownRuntime(flag: string, runtime: string, order: string[]): string {
  return `${flag} names runtime ${JSON.stringify(runtime)}, which is not in the data; its runtimes are ${order
    .map((r) => JSON.stringify(r))
    .join(', ')}`;
}

function defaultTitle(template: TemplateName, runtimes: RuntimeRef[], baseline: RuntimeRef, levels: number[], cold: boolean): string {
  const others = runtimes.filter((r) => r.id !== baseline.id).map((r) => escapeInline(r.label));
  const versus = [...others, escapeInline(baseline.label)].join(' vs ');
  if (template === 'pair') return `Analysis of Two Runs: ${runtimes.map((r) => codeSpan(r.id)).join(' vs ')}`;
  if (template === 'warm') return `Prewarmed Performance: ${versus}`;
  const kind = cold ? 'Cold Start Performance' : 'Warm Performance';
  if (levels.length === 1) return `${kind} at Concurrency ${levels[0]}: ${versus}`;
  return `${kind} Across Concurrency: ${versus}`;
}

/** Labels by runtime id, in code-point order of the ids, so the JSON's bytes never depend on input order. */
function sortedLabels(labels: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const id of Object.keys(labels).sort()) sorted[id] = labels[id];
  return sorted;
}

function modelGroup(g: ReportGroup, label: string): ModelGroup {
  return {
    runtime: g.runtime,
    label,
    concurrency: g.concurrency,
    from: g.from,
    runs: g.runs,
    count: g.count,
    errors: g.errors,
    cold: g.cold,
    avg_init: ms(g.avg_init),
    max_wait: ms(g.max_wait),
    avg_wait: ms(g.avg_wait),
    avg_duration: ms(g.avg_duration),
    avg_exec: ms(g.avg_exec),
    avg_total: ms(g.avg_total),
    p50_total: ms(g.p50_total),
    p90_total: ms(g.p90_total),
    p95_total: ms(g.p95_total),
    p99_total: ms(g.p99_total),
    max_total: ms(g.max_total),
    avg_cold_cost: ms(g.avg_cold_cost),
    ci: roundedIntervals(g.ci),
    function: g.function,
    memory_mb: g.memory_mb,
    failures: g.failures,
    missing: g.missing,
    parts: { cold: roundedPart(g.parts.cold), warm: roundedPart(g.parts.warm) },
    in_composition: g.in_composition,
  };
}

function roundedPart(part: PartFigures | null): PartFigures | null {
  if (part === null) return null;
  return {
    count: part.count, avg_init: ms(part.avg_init), max_wait: ms(part.max_wait), avg_wait: ms(part.avg_wait),
    avg_duration: ms(part.avg_duration), avg_exec: ms(part.avg_exec), avg_total: ms(part.avg_total),
    p50_total: ms(part.p50_total), p90_total: ms(part.p90_total), p95_total: ms(part.p95_total),
    p99_total: ms(part.p99_total), max_total: ms(part.max_total), missing: part.missing,
  };
}

function roundedIntervals(ci: GroupIntervals): GroupIntervals {
  const out = { ...ci };
  for (const figure of INTERVAL_FIGURES) {
    const interval = ci[figure];
    out[figure] = interval === null ? null : [ms(interval[0]) as number, ms(interval[1]) as number];
  }
  return out;
}

function noLevelMessage(table: Table): string {
  const files = table.sources.map((s) => s.path).join(', ');
  return `${files}: no activation records how many invocations ran at once (a concurrency level), so a document, which lays its figures out by level, has nothing to put in its tables; ` +
    '`owbench analyze --json` compares the runtimes as one stratum (inference.unrecorded_level), or name the level they ran at with `owbench report --concurrency N` (the document then says it was given), or record it (a run log from `owbench run`, or a `concurrency` field)';
}
