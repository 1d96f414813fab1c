// `owbench docs [--data data] [--out docs]`: renders every dataset into docs/<name>.md and an index
// docs/README.md. All documents are built in memory first; only then is anything written.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { projectPalette, startRenderer } from '../charts/index.js';
import { UsageError } from '../errors.js';
import { DATASET_PROVIDERS, listDatasets, renderIndexPage, type IndexEntry } from '../report/index.js';
import { runLogDatasets, runNotesFor } from '../openwhisk/datasets.js';
import { withRunNotes } from '../openwhisk/notes.js';
import { checkOutputFile, renderDocumentOutput, writeDocumentOutput, type DocumentOutput } from './document.js';
import * as msg from './messages.js';
import { buildDocumentModel, finishDocument } from './report.js';
import { printWarning, terminalLine } from './terminal.js';

interface DocsFlags {
  data: string;
  out: string;
  charts: boolean;
  png?: boolean;
}

export interface DocsOptions {
  /** Render each document's figures (default true). */
  charts?: boolean;
  png?: boolean;
}

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('render every dataset in the data folder into Markdown documents, with an index')
    .option('--data <dir>', 'the folder of datasets (data/<name>/dataset.json)', 'data')
    .option('--out <dir>', 'where the documents go', 'docs')
    .option('--no-charts', 'write the documents without their figures')
    .option('--png', 'also write each figure as a PNG beside its SVG')
    .action(async (flags: DocsFlags) => {
      const written = await renderDocs(flags.data, flags.out, { charts: flags.charts, png: flags.png });
      for (const file of written) process.stdout.write(`${terminalLine(file)}\n`);
    });
}

/** Returns the files written, index last. */
export async function renderDocs(dataDir: string, outDir: string, options: DocsOptions = {}): Promise<string[]> {
  // A missing data folder would otherwise render an empty index over the documents already there.
  const data = statSync(dataDir, { throwIfNoEntry: false });
  if (!data) throw new UsageError(msg.dataFolderMissing(dataDir));
  if (!data.isDirectory()) throw new UsageError(msg.dataFolderNotDirectory(dataDir));
  checkOutputFile('--out', path.join(outDir, 'README.md'));
  // Provenance paths are relative to the folder holding the data folder: the project root.
  const root = path.dirname(path.resolve(dataDir));
  // The render worker loads vega while the documents are composed.
  if (options.charts !== false) startRenderer();
  const models = listDatasets(dataDir, [...DATASET_PROVIDERS, runLogDatasets]).map((dataset) => {
    const { model, warnings } = buildDocumentModel({
      inputs: dataset.inputs,
      root,
      template: dataset.template,
      baseline: dataset.baseline,
      title: dataset.title,
      labels: dataset.labels,
    });
    return { dataset, model, warnings };
  });
  // One project, one palette: a runtime has the same colour in every document (src/charts/palette.ts).
  const palette = projectPalette(models.map(({ model }) => model.runtimes.map((r) => r.label)));
  const documents = models.map(({ dataset, model: built, warnings }) => {
    const file = `${dataset.name}.md`;
    const { model, markdown } = finishDocument(built, options.charts === false ? undefined : { document: path.join(outDir, file), png: options.png, palette });
    for (const warning of warnings) printWarning(`${dataset.name}: ${warning}`);
    // A run log's document also says how the run went (see src/openwhisk/notes.ts).
    const notes = runNotesFor(dataset);
    const output = renderDocumentOutput(model, notes ? withRunNotes(markdown, notes) : markdown, path.join(outDir, file));
    // Awaited below; should a later dataset fail to compose, that error is the one reported.
    output.catch(() => undefined);
    return { file, model, output };
  });
  const entries: IndexEntry[] = documents.map(({ file, model }) => ({ file, model }));
  // Every figure of every document is rendered before the first file is written.
  const outputs: DocumentOutput[] = await Promise.all(documents.map((document) => document.output));
  outputs.push({ files: [{ file: path.join(outDir, 'README.md'), content: renderIndexPage(entries) }], stale: [] });
  return outputs.flatMap(writeDocumentOutput);
}
