// The activation table split into groups of typed columns, in two passes over the rows and with
// no per-row allocation: a million activations group in tens of milliseconds. Every statistic is
// then computed on these columns, never on row objects or a DataFrame.
import type { Activation } from '../types.js';

/** One group's successful activations as typed columns (each column holds its non-null values). */
export interface GroupColumns {
  runtime: string;
  concurrency: number;
  /** Only set when grouping by repetition. */
  repetition: number | null;
  /** Successful activations. */
  count: number;
  /** Activations whose status is not `success`. */
  errors: number;
  wait: Float64Array;
  /** Only the cold ones: init_ms is absent on warm activations. */
  init: Float64Array;
  duration: Float64Array;
  exec: Float64Array;
  total: Float64Array;
  /** wait_ms + init_ms of the cold ones: the cold-start cost. */
  coldCost: Float64Array;
}

/** What a group is: a runtime's rows at one concurrency level, one repetition of it, or all of them. */
export type GroupLevel = 'runtime' | 'concurrency' | 'repetition';

/** Non-null values per column among a group's successes: first counts, then write cursors. */
interface Tally {
  wait: number;
  init: number;
  duration: number;
  exec: number;
  total: number;
  coldCost: number;
}

/**
 * Groups rows by runtime, (runtime, concurrency) or (runtime, concurrency, repetition), in order
 * of first appearance; within a group, values keep row order. Fields are read by name, not by a
 * computed key, so that V8 keeps the loops monomorphic (five times faster on 1M rows).
 */
export function collectColumns(rows: readonly Activation[], level: GroupLevel): GroupColumns[] {
  const byRepetition = level === 'repetition';
  const levelKey = (row: Activation): number | string =>
    level === 'runtime' ? 0 : byRepetition ? `${row.concurrency}/${row.repetition}` : row.concurrency;
  const index = new Map<string, Map<number | string, number>>();
  const groups: GroupColumns[] = [];
  const tallies: Tally[] = [];
  const groupOf = new Int32Array(rows.length);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let levels = index.get(row.runtime);
    if (levels === undefined) index.set(row.runtime, (levels = new Map()));
    const key = levelKey(row);
    let g = levels.get(key);
    if (g === undefined) {
      g = groups.length;
      levels.set(key, g);
      groups.push(emptyGroup(row, byRepetition));
      tallies.push(emptyTally());
    }
    groupOf[i] = g;
    if (row.status !== 'success') {
      groups[g].errors++;
      continue;
    }
    groups[g].count++;
    const tally = tallies[g];
    if (row.wait_ms !== null) tally.wait++;
    if (row.init_ms !== null) tally.init++;
    if (row.duration_ms !== null) tally.duration++;
    if (row.exec_ms !== null) tally.exec++;
    if (row.total_ms !== null) tally.total++;
    if (row.init_ms !== null && row.wait_ms !== null) tally.coldCost++;
  }

  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const tally = tallies[g];
    group.wait = new Float64Array(tally.wait);
    group.init = new Float64Array(tally.init);
    group.duration = new Float64Array(tally.duration);
    group.exec = new Float64Array(tally.exec);
    group.total = new Float64Array(tally.total);
    group.coldCost = new Float64Array(tally.coldCost);
    tallies[g] = emptyTally();
  }

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.status !== 'success') continue;
    const group = groups[groupOf[i]];
    const at = tallies[groupOf[i]];
    if (row.wait_ms !== null) group.wait[at.wait++] = row.wait_ms;
    if (row.init_ms !== null) group.init[at.init++] = row.init_ms;
    if (row.duration_ms !== null) group.duration[at.duration++] = row.duration_ms;
    if (row.exec_ms !== null) group.exec[at.exec++] = row.exec_ms;
    if (row.total_ms !== null) group.total[at.total++] = row.total_ms;
    if (row.init_ms !== null && row.wait_ms !== null) group.coldCost[at.coldCost++] = row.wait_ms + row.init_ms;
  }
  return groups;
}

function emptyTally(): Tally {
  return { wait: 0, init: 0, duration: 0, exec: 0, total: 0, coldCost: 0 };
}

function emptyGroup(
  row: Pick<Activation, 'runtime' | 'concurrency' | 'repetition'>,
  byRepetition: boolean,
): GroupColumns {
  const none = new Float64Array(0);
  return {
    runtime: row.runtime,
    concurrency: row.concurrency,
    repetition: byRepetition ? row.repetition : null,
    count: 0,
    errors: 0,
    wait: none, init: none, duration: none, exec: none, total: none, coldCost: none,
  };
}
