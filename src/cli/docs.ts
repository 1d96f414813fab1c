// `owbench docs [--data data] [--out docs]`: renders every dataset into docs/<name>.md and an index
// docs/README.md. All documents are built in memory first; only then is anything written.
import path from 'node:path';
import type { Command } from 'commander';
import { listDatasets, renderIndexPage, writeFileAtomic, type IndexEntry } from '../report/index.js';
import { composeDocument } from './report.js';

interface DocsFlags {
  data: string;
  out: string;
}

export function registerDocs(program: Command): void {
  program
    .command('docs')
    .description('render every dataset in the data folder into Markdown documents, with an index')
    .option('--data <dir>', 'the folder of datasets (data/<name>/dataset.json)', 'data')
    .option('--out <dir>', 'where the documents go', 'docs')
    .action((flags: DocsFlags) => {
      const written = renderDocs(flags.data, flags.out);
      for (const file of written) process.stdout.write(`${file}\n`);
    });
}

/** Returns the files written, index last. */
export function renderDocs(dataDir: string, outDir: string): string[] {
  // Provenance paths are relative to the folder holding the data folder: the project root.
  const root = path.dirname(path.resolve(dataDir));
  const documents = listDatasets(dataDir).map((dataset) => {
    const { model, markdown, warnings } = composeDocument({
      inputs: dataset.inputs,
      root,
      template: dataset.template,
      baseline: dataset.baseline,
      title: dataset.title,
      labels: dataset.labels,
    });
    for (const warning of warnings) process.stderr.write(`owbench: warning: ${dataset.name}: ${warning}\n`);
    return { file: `${dataset.name}.md`, model, markdown };
  });
  const entries: IndexEntry[] = documents.map(({ file, model }) => ({ file, model }));
  const outputs = [...documents.map((d) => ({ file: d.file, text: d.markdown })), { file: 'README.md', text: renderIndexPage(entries) }];
  return outputs.map(({ file, text }) => {
    const target = path.join(outDir, file);
    writeFileAtomic(target, text);
    return target;
  });
}
