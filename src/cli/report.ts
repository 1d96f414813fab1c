// `owbench report FILES… --out docs/NAME.md` (or --json-model): ingest → analyze → report model →
// Markdown, written atomically. Every input is read and checked before anything is written.
import { Option, type Command } from 'commander';
import { analyze } from '../analyze/index.js';
import path from 'node:path';
import { folderPalette, startFigures, startRenderer, withFigures, type FigureOptions } from '../charts/index.js';
import { UsageError } from '../errors.js';
import type { Table } from '../types.js';
import { ingestFiles, type InputSpec } from '../ingest/index.js';
import { splitConfigurations } from '../report/configurations.js';
import {
  buildReportModel,
  provenanceInputs,
  renderReport,
  TEMPLATE_NAMES,
  type ReportModel,
  type ReportOptions,
  type TemplateName,
} from '../report/index.js';
import { checkOutputFile, renderDocumentOutput, writeDocumentOutput } from './document.js';
import { printWarning } from './terminal.js';

interface ReportFlags {
  template?: TemplateName;
  baseline?: string;
  runtime?: string;
  title?: string;
  label: string[];
  skipInvalid?: boolean;
  out?: string;
  jsonModel?: boolean;
  charts: boolean;
  png?: boolean;
  concurrency?: string;
}

export interface DocumentRequest extends Omit<ReportOptions, 'inputs'> {
  inputs: InputSpec[];
  skipInvalid?: boolean;
  /** Input paths in the provenance block are relative to this folder. */
  root: string;
  /** --concurrency: the level of activations whose data records none (e.g. `owbench fetch` output). */
  concurrency?: number;
  /**
   * Link the figures (src/charts) of a document to be written to `document`; none when absent.
   * `draw`: start drawing them at once, for renderDocumentOutput to collect (the CLI writes them).
   */
  figures?: FigureOptions & { document: string; draw?: boolean };
}

/** The whole flow for one document, in memory: nothing is written here. */
export function composeDocument(request: DocumentRequest): { model: ReportModel; markdown: string; warnings: string[] } {
  const { model, warnings } = buildDocumentModel(request);
  return { ...finishDocument(model, request.figures), warnings };
}

/** Ingest → analyze → the report model, without figures (`docs` needs every model's runtimes first, for one palette). */
export function buildDocumentModel(request: Omit<DocumentRequest, 'figures'>): { model: ReportModel; warnings: string[] } {
  const table = splitConfigurations(ingestFiles(request.inputs, { skipInvalid: request.skipInvalid }));
  const given = request.concurrency === undefined ? 0 : assumeConcurrency(table, request.concurrency);
  const analysis = analyze(table, { baseline: request.baseline });
  // The document says where a level came from when the user, not the data, gave it.
  if (given > 0) analysis.warnings.unshift(`${given} activation${given === 1 ? '' : 's'} recorded no concurrency level; they are counted at concurrency ${request.concurrency}, as --concurrency said`);
  return { model: buildReportModel(table, analysis, { ...request, inputs: provenanceInputs(table, request.root) }), warnings: table.warnings };
}

/** Gives activations without a recorded level the one the user named; returns how many it changed. */
function assumeConcurrency(table: Table, level: number): number {
  let changed = 0;
  for (const row of table.activations) {
    if (row.concurrency === null) {
      row.concurrency = level;
      changed++;
    }
  }
  return changed;
}

/** The model with its figures linked (when asked for), and its Markdown. */
export function finishDocument(built: ReportModel, figures: DocumentRequest['figures']): { model: ReportModel; markdown: string } {
  const model = figures ? withFigures(built, figures.document, figures) : built;
  // The render worker draws the figures while this thread renders and checks the Markdown.
  if (figures?.draw) startFigures(model);
  return { model, markdown: renderReport(model) };
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a Markdown document (pair, sweep or warm) from activation data')
    .argument('<files...>', 'activation data: flat records, OpenWhisk records, grouped records, aggregates, run logs, CSV')
    .addOption(new Option('--template <kind>', 'the document kind (default: chosen from the data)').choices([...TEMPLATE_NAMES]))
    .option('--baseline <runtime>', 'the runtime ratios compare against (default: blackbox if present, else the first)')
    .option('--runtime <name>', 'the runtime label for files whose data names none')
    .option('--title <text>', "the document's title (Markdown)")
    .option('--label <runtime=name>', 'a display name for a runtime (repeatable)', collect, [])
    .option('--skip-invalid', 'skip bad records with a warning instead of failing the input')
    .option('--out <file>', 'write the document here (e.g. docs/NAME.md)')
    .option('--json-model', 'print the report model as JSON')
    .option('--no-charts', 'write the document without its figures')
    .option('--png', 'also write each figure as a PNG beside its SVG')
    .option('--concurrency <n>', 'the concurrency level of activations whose data records none (e.g. owbench fetch output); the document says it was given')
    .action(async (files: string[], flags: ReportFlags) => {
      const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
      if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) throw new UsageError(`--concurrency: "${flags.concurrency}" is not a whole number of 1 or more`);
      if (!flags.out && !flags.jsonModel) throw new UsageError('report: name the document with --out FILE, or print the model with --json-model');
      if (flags.out) checkOutputFile('--out', flags.out);
      // The render workers load vega while this thread ingests and analyzes.
      if (flags.out && flags.charts) startRenderer();
      const { model, markdown, warnings } = composeDocument({
        inputs: files.map((path) => ({ path, ...(flags.runtime ? { runtime: flags.runtime } : {}) })),
        skipInvalid: flags.skipInvalid,
        root: process.cwd(),
        concurrency,
        template: flags.template,
        baseline: flags.baseline,
        title: flags.title,
        labels: parseLabels(flags.label),
        // Into a folder that already holds documents: each runtime keeps the colour their figures give it.
        figures: flags.out && flags.charts ? { document: flags.out, png: flags.png, palette: folderPalette(path.dirname(flags.out)), draw: true } : undefined,
      });
      for (const warning of warnings) printWarning(warning);
      if (flags.out) writeDocumentOutput(await renderDocumentOutput(model, markdown, flags.out));
      if (flags.jsonModel) process.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** "vanilla docker=Docker" → {"vanilla docker": "Docker"}; the first "=" separates. */
export function parseLabels(pairs: string[]): Record<string, string> | undefined {
  if (pairs.length === 0) return undefined;
  const labels: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const runtime = at < 0 ? '' : pair.slice(0, at);
    const name = at < 0 ? '' : pair.slice(at + 1);
    if (runtime === '' || name.trim() === '') {
      throw new UsageError(`--label ${JSON.stringify(pair)}: expected RUNTIME=NAME, e.g. --label "vanilla docker=Docker"`);
    }
    labels[runtime] = name;
  }
  return labels;
}
