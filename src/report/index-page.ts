// docs/README.md: the index that links every rendered document by its title.
import { version } from '../version.js';
import type { ReportModel } from './model.js';
import { renderTemplate } from './render.js';

export interface IndexEntry {
  /** The document's file name, relative to the index (e.g. "seed-pair.md"). */
  file: string;
  model: ReportModel;
}

export function renderIndexPage(entries: IndexEntry[]): string {
  const documents = [...entries]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, model }) => ({
      file: encodeURI(file),
      title: model.title,
      template: model.template,
      inputs: model.provenance.inputs.map((input) => input.path),
    }));
  return renderTemplate('index', { documents, owbench_version: version });
}
