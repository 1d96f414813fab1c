// The experimental unit (issue 11): the level at which observations are independent. Activations
// of one run share that run's conditions (host load, cache state, a fresh deployment), so where the
// data holds several runs of a cell, inference resamples and tests runs, not activations. This is
// the one place that decides it; every interval and test asks here.
import type { Activation, Table } from '../types.js';

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
export function chooseUnit(table: Pick<Table, 'activations'>): UnitChoice {
  if (someCellHasTwo(table.activations, (row) => row.repetition)) return { unit: 'run', field: 'repetition' };
  if (someCellHasTwo(table.activations, (row) => row.source)) return { unit: 'run', field: 'source' };
  return { unit: 'activation', field: null };
}

/** The run an activation belongs to under `choice` (one run per cell when the unit is the activation). */
export function runKeyOf(choice: UnitChoice): (row: Activation) => number {
  if (choice.field === 'repetition') return (row) => row.repetition ?? -1;
  if (choice.field === 'source') return (row) => row.source;
  return () => 0;
}

/** Nested maps, not a joined string key: this reads every row of a million-row table. */
function someCellHasTwo(rows: readonly Activation[], key: (row: Activation) => number | null): boolean {
  const first = new Map<string, Map<number | null, number | null>>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let levels = first.get(row.runtime);
    if (levels === undefined) first.set(row.runtime, (levels = new Map()));
    const value = key(row);
    const seen = levels.get(row.concurrency);
    if (seen === undefined) levels.set(row.concurrency, value);
    else if (seen !== value) return true;
  }
  return false;
}
