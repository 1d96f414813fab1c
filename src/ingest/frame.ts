// loadFrame: the activation table as a danfo DataFrame, the shape notebooks and users explore.
// danfo (with tfjs) takes over a second to load, so it is required on first use, not at import:
// the CLI and the analyze kernels never pay for it.
import { createRequire } from 'node:module';
import type { DataFrame } from 'danfojs-node';
import type { Activation } from '../types.js';
import { COLUMNS } from './row.js';
import { ingestFiles, type IngestOptions, type InputSpec } from './ingest.js';

type Danfo = typeof import('danfojs-node');

let danfo: Danfo | undefined;

function loadDanfo(): Danfo {
  danfo ??= createRequire(import.meta.url)('danfojs-node') as Danfo;
  return danfo;
}

/** A DataFrame of the table's activations, columns in DESIGN.md §2.1 order (then `source`). */
export function loadFrame(inputs: Array<string | InputSpec>, options?: IngestOptions): DataFrame {
  return frameOf(ingestFiles(inputs, options).activations);
}

export function frameOf(activations: Activation[]): DataFrame {
  const { DataFrame: Frame } = loadDanfo();
  // danfo cannot build a frame from empty column arrays, only from an empty row list.
  if (activations.length === 0) return new Frame([], { columns: [...COLUMNS] });
  const columns: Record<string, unknown[]> = {};
  for (const name of COLUMNS) columns[name] = activations.map((row) => row[name]);
  return new Frame(columns, { columns: [...COLUMNS] });
}
