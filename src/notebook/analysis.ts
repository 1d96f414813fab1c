// analyze(table): the group figures and speedups `owbench analyze` computes, shown as tables, with
// one call per chart of the report. Speedups compare runtimes measured on the same system unless
// asked otherwise: a ratio between the embedded server and a real deployment says nothing.
import { inspect } from 'node:util';
import { analyze as analyzeTable, buildReportModel, chartFigures, provenanceInputs, type Analysis, type ModelFigure, type ReportModel } from '../index.js';
import { chartBundle } from './charts.js';
import { show } from './display.js';
import { tableBundle } from './html.js';
import { chartOmitted, unknownChart, NotebookError } from './messages.js';
import { projectRoot } from './paths.js';
import { systemsByRuntime } from './sources.js';
import type { Activations } from './table.js';

const GROUP_COLUMNS = ['runtime', 'function', 'memory', 'concurrency', 'count', 'errors', 'cold', 'avg_init', 'avg_wait', 'avg_exec', 'avg_total', 'p50_total', 'p95_total'];
const SPEEDUP_COLUMNS = ['baseline', 'candidate', 'metric', 'ratio', 'ci_low', 'ci_high'];

export interface NotebookAnalyzeOptions {
  baseline?: string;
  by?: 'concurrency' | 'repetition';
  /** Keep speedups between runtimes measured on different systems (left out by default). */
  acrossSystems?: boolean;
}

export class Results {
  #model: ReportModel | undefined;

  constructor(readonly data: Activations, readonly analysis: Analysis, readonly options: NotebookAnalyzeOptions) {}

  get groups(): Analysis['groups'] {
    return this.analysis.groups;
  }

  get speedups(): Analysis['speedups'] {
    return this.analysis.speedups;
  }

  /** The report model the charts are drawn from (what `owbench report` renders). */
  get model(): ReportModel {
    return (this.#model ??= buildReportModel(this.data.table, this.analysis, { baseline: this.options.baseline, inputs: provenanceInputs(this.data.table, projectRoot) }));
  }

  get chartIds(): string[] {
    return chartFigures(this.model).map((figure) => figure.id);
  }

  /** Displays one of the report's charts: latency, split, speedup, ecdf or strip. */
  async chart(id: string): Promise<void> {
    const figure = this.figure(id);
    if (figure.spec === null) return show({ 'text/plain': chartOmitted(id, figure.omitted ?? '') });
    const bundle = await chartBundle(figure.spec as unknown as Record<string, unknown>);
    show(bundle.data, bundle.metadata);
  }

  /** Every chart the data allow, one output each. */
  async charts(): Promise<void> {
    for (const id of this.chartIds) if (this.figure(id).spec !== null) await this.chart(id);
  }

  figure(id: string): ModelFigure {
    const figures = chartFigures(this.model);
    const figure = figures.find((candidate) => candidate.id === id);
    if (!figure) throw new NotebookError(unknownChart(id, figures.map((candidate) => candidate.id)));
    return figure;
  }

  bundle(): Record<string, string> {
    const rows = this.groups as unknown as Array<Record<string, unknown>>;
    const columns = GROUP_COLUMNS.filter((name) => rows.some((row) => name in row));
    const groups = tableBundle(rows, columns, `${rows.length} groups`);
    const overall = this.speedups.filter((speedup) => speedup.concurrency === null) as unknown as Array<Record<string, unknown>>;
    const speedups = tableBundle(overall, SPEEDUP_COLUMNS, overall.length ? 'speedups over all levels (baseline ÷ candidate, 95% interval)' : 'no speedups');
    const warnings = [...this.data.warnings, ...this.analysis.warnings].map((warning) => `warning: ${warning}`);
    return {
      'text/html': [groups['text/html'], speedups['text/html'], ...warnings.map((line) => `<p>${line}</p>`)].join('\n'),
      'text/plain': [groups['text/plain'], speedups['text/plain'], ...warnings].join('\n\n'),
    };
  }

  [inspect.custom](): string {
    show(this.bundle());
    return `${this.groups.length} groups, ${this.speedups.length} speedups`;
  }
}

export function analyze(data: Activations, options: NotebookAnalyzeOptions = {}): Results {
  const full = analyzeTable(data.table, { baseline: options.baseline ?? data.dataset?.baseline, by: options.by });
  if (options.acrossSystems) return new Results(data, full, options);
  const systems = systemsByRuntime(data.sources);
  // Same system: both runtimes measured on exactly one system, the same one (a runtime name pooled
  // from two systems compares nothing either).
  const only = (runtime: string) => (systems.get(runtime)?.size === 1 ? [...systems.get(runtime)!][0] : undefined);
  const same = (a: string, b: string) => only(a) !== undefined && only(a) === only(b);
  const speedups = full.speedups.filter((speedup) => same(speedup.baseline, speedup.candidate));
  const comparisons = full.comparisons.filter((test) => same(test.baseline, test.candidate));
  return new Results(data, { ...full, speedups, comparisons }, { ...options, baseline: options.baseline ?? data.dataset?.baseline });
}
