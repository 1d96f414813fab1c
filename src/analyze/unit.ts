// The experimental unit (issue 11): the level at which observations are independent. Activations
// of one run share that run's conditions (host load, cache state, a fresh deployment), so where the
// data holds several runs of a cell, inference resamples and tests runs, not activations. This is
// the one place that decides it; every interval and test asks here.
import { RowCursor, type RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';

export interface UnitChoice {
  /** 'run': several runs per cell, inference at the run level; 'activation': one run per cell. */
  unit: 'run' | 'activation';
  /** What tells runs apart: the `repetition` column (run logs, flat `repetition`), or the input file. */
  field: 'repetition' | 'source' | null;
}

/**
 * Runs by `repetition` when some cell has two or more distinct repetitions; else by input file
 * when some cell draws on two or more files; else each cell is one run (unit: activation).
 */
export function chooseUnit(store: ActivationStore): UnitChoice {
  const two = cellsWithTwo(store);
  if (two.repetition) return { unit: 'run', field: 'repetition' };
  if (two.source) return { unit: 'run', field: 'source' };
  return { unit: 'activation', field: null };
}

/** The run an activation belongs to under `choice` (one run per cell when the unit is the activation). */
export function runKeyOf(choice: UnitChoice): (row: RowView) => number {
  if (choice.field === 'repetition') return (row) => row.repetition ?? -1;
  if (choice.field === 'source') return (row) => row.source;
  return () => 0;
}

/**
 * Whether some cell has two repetitions, and whether some cell has two sources, in one pass
 * (nested maps, not a joined string key: this reads every row of a million-row table); it stops
 * at the first cell with two repetitions, which decides the unit whatever the sources say.
 */
function cellsWithTwo(store: ActivationStore): { repetition: boolean; source: boolean } {
  const first = new Map<string, Map<number | null, { repetition?: number | null; source?: number }>>();
  let source = false;
  const row = new RowCursor(store);
  for (let i = 0; i < store.length; i++) {
    row.at(i);
    let levels = first.get(row.runtime);
    if (levels === undefined) first.set(row.runtime, (levels = new Map()));
    let seen = levels.get(row.concurrency);
    if (seen === undefined) levels.set(row.concurrency, (seen = { repetition: undefined, source: undefined }));
    // A missing value (undefined) is no value: the first one present is the cell's.
    if (seen.repetition === undefined) seen.repetition = row.repetition;
    else if (seen.repetition !== row.repetition) return { repetition: true, source };
    if (seen.source === undefined) seen.source = row.source;
    else if (seen.source !== row.source) source = true;
  }
  return { repetition: false, source };
}
