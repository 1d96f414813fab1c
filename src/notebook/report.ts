// report(study): the document `owbench report --out` writes — the same bytes, by the same library
// calls — written to build/notebooks/ and shown in the notebook. In the shown copy each figure is
// inlined as a data URI (so it renders in Jupyter, in exported HTML and on GitHub, once) and
// other links point from the notebook's folder to the written files.
import path from 'node:path';
import { composeDocument, renderDocumentOutput, runLogDataset, runNotesFor, withRunNotes, writeDocumentOutput, type AssetFile, type Dataset, type TemplateName } from '../index.js';
import { folderPalette } from '../charts/index.js';
import { show } from './display.js';
import { projectRoot, workDir } from './paths.js';
import { load, type Activations } from './table.js';
import { reportCommand } from './command.js';

export interface ReportOptions {
  template?: TemplateName;
  baseline?: string;
  title?: string;
  labels?: Record<string, string>;
  /** The document, relative to the project root (default build/notebooks/<study>.md); figures go beside it. */
  out?: string;
  /** false: no figures (--no-charts). */
  charts?: boolean;
  png?: boolean;
  skipInvalid?: boolean;
}

export interface WrittenReport {
  markdown: string;
  files: string[];
  warnings: string[];
  /** The `owbench report` command line that writes the same file, run at the project root. */
  command: string;
}

export async function report(study: Activations | string, options: ReportOptions = {}): Promise<WrittenReport> {
  const data = typeof study === 'string' ? load(study) : study;
  const runLog = data.inputs.length === 1 && data.inputs[0]!.path.endsWith('.ndjson') ? data.inputs[0]!.path : null;
  const dataset: Partial<Dataset> | undefined = data.dataset ?? (runLog ? runLogDataset(runLog) : undefined);
  const settings = {
    template: options.template ?? dataset?.template,
    baseline: options.baseline ?? dataset?.baseline,
    title: options.title ?? dataset?.title,
    labels: options.labels ?? dataset?.labels,
  };
  const out = path.resolve(projectRoot, options.out ?? path.join(workDir, `${dataset?.name ?? 'report'}.md`));
  const composed = composeDocument({
    ...settings,
    inputs: data.inputs,
    root: projectRoot,
    skipInvalid: options.skipInvalid,
    // As `owbench report --out` does: runtimes keep the colours the folder's figures give them. The
    // default folder is the notebooks' shared scratch space, written by notebooks running side by
    // side: its colours would depend on which ran first, so a document there takes its own.
    figures: options.charts === false ? undefined : { document: out, png: options.png, palette: options.out ? folderPalette(path.dirname(out)) : undefined },
  });
  const notes = runLog ? runNotesFor({ inputs: [{ path: runLog }] }) : null;
  const markdown = notes ? withRunNotes(composed.markdown, notes) : composed.markdown;
  const output = await renderDocumentOutput(composed.model, markdown, out);
  const files = writeDocumentOutput(output);
  show({ 'text/markdown': forNotebook(markdown, out, output.files), 'text/plain': markdown });
  const command = reportCommand(data.inputs, { ...settings, out, skipInvalid: options.skipInvalid, charts: options.charts, png: options.png });
  return { markdown, files, warnings: composed.warnings, command };
}

/** Figure images inlined; every other relative link re-pointed from the notebooks/ folder. */
function forNotebook(markdown: string, out: string, files: AssetFile[]): string {
  const folder = path.dirname(out);
  const fromNotebooks = (link: string) => path.relative(path.join(projectRoot, 'notebooks'), path.join(folder, decodeURI(link))).split(path.sep).join('/');
  const image = (link: string): string | null => {
    const file = files.find((candidate) => candidate.file === path.join(folder, decodeURI(link)));
    if (!file || !/\.(svg|png)$/.test(link)) return null;
    const type = link.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
    return `data:${type};base64,${Buffer.from(file.content).toString('base64')}`;
  };
  const relinked = markdown.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, bang: string, text: string, link: string) => {
    if (/^([a-z]+:|#|\/)/i.test(link)) return whole;
    const inlined = bang ? image(link) : null;
    return `${bang}[${text}](${inlined ?? encodeURI(fromNotebooks(link))})`;
  });
  // A link inside inline HTML (<sub>[spec](…)</sub>) stays literal text for nbconvert's Markdown: make it an anchor.
  return relinked.replace(/<sub>\[([^\]]*)\]\(([^)\s]+)\)<\/sub>/g, (_, text: string, link: string) => `<sub><a href="${link}">${text}</a></sub>`);
}
