// Run logs as documents: every data/runs/*.ndjson is a dataset named after its file, so
// `owbench docs` renders the runs beside the shipped datasets, with the same title and notes
// `owbench run` gives the report it writes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runNotes } from './notes.js';
import { readRunLogSync, type RunHeader } from './runlog.js';

export interface RunDataset {
  name: string;
  title: string;
  inputs: Array<{ path: string }>;
  origin: string;
}

export function runLogTitle(header: Pick<RunHeader, 'experiment'> & { target?: Pick<RunHeader['target'], 'embedded'> }): string {
  const names = header.experiment.runtimes.map((runtime) => runtime.name.replace(/[\\`*_{}[\]()#+!|<>~]/g, (m) => `\\${m}`));
  // "OpenWhisk" alone would pass the embedded server off as Apache OpenWhisk (issue 11 item 6).
  const where = header.target?.embedded === true ? "owbench's embedded OpenWhisk-compatible server" : header.target?.embedded === false ? 'Apache OpenWhisk' : 'OpenWhisk';
  return `Cold starts on ${where}: ${names.join(' vs ')} (run of the ${header.experiment.name.replace(/[\\`*_{}[\]()#+!|<>~]/g, (m) => `\\${m}`)} experiment)`;
}

/** The dataset of one run log. */
export function runLogDataset(file: string): RunDataset {
  const header = JSON.parse(readFileSync(file, 'utf8').split('\n', 1)[0]!) as RunHeader;
  return { name: path.basename(file, '.ndjson'), title: runLogTitle(header), inputs: [{ path: file }], origin: file };
}

/** data/runs/*.ndjson, in name order; files whose first line is not a run header are not runs. */
export function runLogDatasets(dataDir: string): RunDataset[] {
  const folder = path.join(dataDir, 'runs');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ndjson'))
    .sort()
    .flatMap((file) => {
      try {
        return [runLogDataset(path.join(folder, file))];
      } catch {
        return [];
      }
    });
}

/** The run notes for a dataset that is one run log, else null (other datasets have none). */
export function runNotesFor(dataset: { inputs: Array<{ path: string }> }): string | null {
  if (dataset.inputs.length !== 1 || !dataset.inputs[0]!.path.endsWith('.ndjson')) return null;
  try {
    return runNotes(readRunLogSync(dataset.inputs[0]!.path));
  } catch {
    return null;
  }
}
