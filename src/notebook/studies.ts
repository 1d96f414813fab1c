// A study by name: a folder dataset (data/NAME/dataset.json) or a run log (data/runs/NAME.ndjson),
// with the document settings it carries; anything else is a file path relative to the project root.
import { existsSync } from 'node:fs';
import { listDatasets, runLogDatasets, type Dataset, type InputSpec } from '../index.js';
import { show } from './display.js';
import { tableBundle } from './html.js';
import { unknownStudy, NotebookError } from './messages.js';
import { dataDir, fromRoot, shown } from './paths.js';
import { systemOf } from './sources.js';

export type Study = string | InputSpec;

export interface Resolved {
  inputs: InputSpec[];
  /** The dataset's title, template, baseline and labels, when exactly one dataset was named. */
  dataset?: Dataset;
}

export function datasets(): Dataset[] {
  return [...listDatasets(dataDir), ...runLogDatasets(dataDir)];
}

export function resolveStudies(studies: readonly Study[]): Resolved {
  let known: Dataset[] | null = null;
  const named: Dataset[] = [];
  const inputs = studies.flatMap((study): InputSpec[] => {
    if (typeof study !== 'string') return [{ ...study, path: fromRoot(study.path) }];
    if (existsSync(fromRoot(study))) return [{ path: fromRoot(study) }];
    known ??= datasets();
    const dataset = known.find((candidate) => candidate.name === study);
    if (!dataset) throw new NotebookError(unknownStudy(study, known.map((candidate) => candidate.name)));
    named.push(dataset);
    return dataset.inputs.map((input) => ({ ...input, path: fromRoot(input.path) }));
  });
  return named.length === 1 && studies.length === 1 ? { inputs, dataset: named[0] } : { inputs };
}

/** Every study load() knows by name, shown with the system each was measured on. */
export function studies(): void {
  const all = datasets();
  const rows = all.map((dataset) => ({
    name: dataset.name,
    title: dataset.title,
    files: dataset.inputs.map((input) => shown(input.path)).join(', '),
    system: [...new Set(dataset.inputs.map((input) => systemOf(input.path).system))].join('; '),
  }));
  show(tableBundle(rows, ['name', 'system', 'title', 'files'], `${rows.length} studies: load(NAME) reads one`));
}
