// The experimental unit (issue 11): the level at which observations are independent. Activations
// of one run share that run's conditions (host load, cache state, a fresh deployment), so where the
// data holds several runs of a cell, inference resamples and tests runs, not activations. This is
// the one place that decides it; every interval and test asks here.
import type { RowView } from '../table/cursor.js';
import type { GroupIds } from './group-ids.js';
import { levelIdsOf } from './run-cells.js';
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
export function chooseUnit(store: ActivationStore, ids: GroupIds = levelIdsOf(store)): UnitChoice {
  const two = cellsWithTwo(store, ids);
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
 * Whether some cell has two repetitions, and whether some cell has two sources, in one pass over
 * the cells' codes (group-ids.ts); it stops at the first cell with two repetitions, which decides
 * the unit whatever the sources say. A null repetition is a value like any other.
 */
function cellsWithTwo(store: ActivationStore, ids: GroupIds): { repetition: boolean; source: boolean } {
  const cells = ids.firstRow.length;
  const repetitions = store.columnOrNull('repetition');
  const firstRepetition = new Float64Array(cells);
  const firstSource = new Int32Array(cells);
  for (let g = 0; g < cells; g++) {
    firstRepetition[g] = repetitions === null ? NaN : repetitions[ids.firstRow[g]];
    firstSource[g] = store.source[ids.firstRow[g]];
  }
  let source = false;
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    if (repetitions !== null) {
      const r = repetitions[i];
      const first = firstRepetition[g];
      // NaN is null: equal to itself here.
      if (r !== first && (r === r || first === first)) return { repetition: true, source };
    }
    if (store.source[i] !== firstSource[g]) source = true;
  }
  return { repetition: false, source };
}
