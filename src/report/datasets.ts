// Datasets: what `owbench docs` renders. A folder data/<name>/ holding a dataset.json is one:
// {title, template?, baseline?, labels?, inputs: [{path (relative to the folder), runtime?}]}.
// listDatasets() asks every provider in DATASET_PROVIDERS; a later stage (the run logs of
// data/runs/*.ndjson) adds its own provider there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { TEMPLATE_NAMES } from './model.js';
import type { TemplateName } from './model.js';

export interface Dataset {
  /** The document's file name without `.md`: docs/<name>.md. */
  name: string;
  title: string;
  template?: TemplateName;
  baseline?: string;
  labels?: Record<string, string>;
  /** Input files, resolved to paths usable from the current directory. */
  inputs: Array<{ path: string; runtime?: string }>;
  /** Where the dataset was declared (for messages). */
  origin: string;
}

/** Finds datasets under the data folder. */
export type DatasetProvider = (dataDir: string) => Dataset[];

/** An object's own message for a wrong type; unknown keys keep the message readDataset builds. */
const onlyForType = (message: string) => (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined);

const nonEmpty = (what: string) => z.string({ error: `expected ${what} (a string)` }).min(1, { error: `expected ${what}, not an empty string` });

export const datasetSchema = z.strictObject(
  {
    title: nonEmpty('a title'),
    template: z.enum(TEMPLATE_NAMES as [TemplateName, ...TemplateName[]], { error: `expected one of ${TEMPLATE_NAMES.join(', ')}` }).optional(),
    baseline: nonEmpty('a runtime name').optional(),
    labels: z.record(z.string(), nonEmpty('a display name'), { error: 'expected an object of runtime → display name' }).optional(),
    inputs: z
      .array(
        z.strictObject(
          {
            path: nonEmpty('a path relative to the dataset folder').refine((p) => !path.isAbsolute(p), {
              error: 'expected a path relative to the dataset folder, not an absolute path',
            }),
            runtime: nonEmpty('a runtime name').optional() },
          { error: onlyForType('expected {"path": …, "runtime"?: …}') },
        ),
        { error: 'expected an array of inputs' },
      )
      .min(1, { error: 'expected at least one input' }),
  },
  { error: onlyForType('expected an object {title, template?, baseline?, labels?, inputs}') },
);

/** data/<name>/dataset.json folders. */
export const folderDatasets: DatasetProvider = (dataDir) => {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dataDir, entry.name, 'dataset.json')))
    .map((entry) => readDataset(path.join(dataDir, entry.name, 'dataset.json')));
};

/** Extend this list to make more kinds of data into documents (e.g. run logs). */
export const DATASET_PROVIDERS: DatasetProvider[] = [folderDatasets];

/** Every dataset, sorted by name (code-unit order: no locale); a name used twice is an error. */
export function listDatasets(dataDir: string, providers: DatasetProvider[] = DATASET_PROVIDERS): Dataset[] {
  const datasets = providers.flatMap((provider) => provider(dataDir));
  const seen = new Map<string, Dataset>();
  for (const dataset of datasets) {
    const other = seen.get(dataset.name);
    if (other) throw new InputError(dataset.origin, null, `dataset name "${dataset.name}" is also used by ${other.origin}`);
    seen.set(dataset.name, dataset);
  }
  return datasets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A zod path as a field path: inputs[0].path. */
function placeOf(pathParts: ReadonlyArray<PropertyKey>): string | null {
  if (pathParts.length === 0) return null;
  return pathParts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

export function readDataset(file: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, null, `not valid JSON (${(error as Error).message}): expected a dataset description`);
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? issue.path : [];
      const fields = issue.keys.map((key) => JSON.stringify(key)).join(', ');
      const problem = `unknown field ${fields}: expected ${where.length ? 'path, runtime' : 'title, template, baseline, labels, inputs'}`;
      throw new InputError(file, placeOf(where), problem);
    }
    throw new InputError(file, placeOf(issue.path), issue.message);
  }
  const folder = path.dirname(file);
  const spec = parsed.data;
  return {
    name: path.basename(folder),
    title: spec.title,
    template: spec.template,
    baseline: spec.baseline,
    labels: spec.labels,
    inputs: spec.inputs.map((input) => ({ path: path.join(folder, input.path), ...(input.runtime ? { runtime: input.runtime } : {}) })),
    origin: file,
  };
}
