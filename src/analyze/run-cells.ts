// Each cell's values split by run (issue 11): a cell is one runtime at one concurrency level, cold
// or warm activations apart (a cold start and a warm one are never pooled in one comparison).
// Each run's values are sorted once, which the medians read.
import { RowCursor, type RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';
import { mergeAscending, sortAscending } from './sort.js';

export type Part = 'cold' | 'warm';
export type UnitMetric = 'init' | 'exec' | 'total';
export const UNIT_METRICS: readonly UnitMetric[] = ['init', 'exec', 'total'];

/** One run's values of one metric, ascending, with their sum (the mean needs no second pass). */
export interface RunSample {
  sorted: Float64Array;
  sum: number;
}

export interface RunCell {
  runtime: string;
  /** Null: the data does not record the level (raw records, `owbench fetch`): one stratum of its own. */
  concurrency: number | null;
  part: Part;
  /** Per metric, one sample per run that has a value (runs in order of first appearance). */
  runs: Record<UnitMetric, RunSample[]>;
}

/** One (cell, run): its cell, then per metric a count (first pass) and the values (second). */
interface Slot {
  cell: number;
  counts: Record<UnitMetric, number>;
  values: Record<UnitMetric, Float64Array>;
}

/**
 * Successful activations only; cells and runs in order of first appearance. Two passes with no
 * per-row allocation (as columns.ts): the first finds each row's slot and counts, the second fills
 * typed arrays, which are then sorted in place.
 */
export function collectRunCells(store: ActivationStore, runOf: (row: RowView) => number): RunCell[] {
  const index = new Map<string, Map<number, Map<number, number>>>();
  const cells: Array<Omit<RunCell, 'runs'> & { slots: number[] }> = [];
  const slots: Slot[] = [];
  const slotOf = new Int32Array(store.length).fill(-1);
  const row = new RowCursor(store);
  for (let i = 0; i < store.length; i++) {
    row.at(i);
    if (row.status !== 'success') continue;
    let byLevel = index.get(row.runtime);
    if (byLevel === undefined) index.set(row.runtime, (byLevel = new Map()));
    // An unrecorded level is one stratum (key −2, −1), apart from every recorded one.
    const levelKey = (row.concurrency ?? -1) * 2 + (row.cold ? 1 : 0);
    let byRun = byLevel.get(levelKey);
    if (byRun === undefined) {
      byLevel.set(levelKey, (byRun = new Map()));
      cells.push({ runtime: row.runtime, concurrency: row.concurrency, part: row.cold ? 'cold' : 'warm', slots: [] });
      byRun.set(-Infinity, cells.length - 1); // the cell's own index, under a key no run has
    }
    const run = runOf(row);
    let slot = byRun.get(run);
    if (slot === undefined) {
      slot = slots.length;
      byRun.set(run, slot);
      const cell = byRun.get(-Infinity) as number;
      cells[cell].slots.push(slot);
      slots.push({ cell, counts: { init: 0, exec: 0, total: 0 }, values: { init: EMPTY, exec: EMPTY, total: EMPTY } });
    }
    slotOf[i] = slot;
    const counts = slots[slot].counts;
    if (row.init_ms !== null && row.cold) counts.init++;
    if (row.exec_ms !== null) counts.exec++;
    if (row.total_ms !== null) counts.total++;
  }
  for (const slot of slots) {
    for (const metric of UNIT_METRICS) slot.values[metric] = new Float64Array(slot.counts[metric]);
    slot.counts = { init: 0, exec: 0, total: 0 };
  }
  for (let i = 0; i < store.length; i++) {
    if (slotOf[i] < 0) continue;
    row.at(i);
    const { counts, values } = slots[slotOf[i]];
    if (row.init_ms !== null && row.cold) values.init[counts.init++] = row.init_ms;
    if (row.exec_ms !== null) values.exec[counts.exec++] = row.exec_ms;
    if (row.total_ms !== null) values.total[counts.total++] = row.total_ms;
  }
  return cells.map(({ slots: mine, ...cell }) => {
    const runs = { init: [], exec: [], total: [] } as Record<UnitMetric, RunSample[]>;
    for (const s of mine) {
      for (const metric of UNIT_METRICS) if (slots[s].values[metric].length > 0) runs[metric].push(sorted(slots[s].values[metric]));
    }
    return { ...cell, runs };
  });
}

const EMPTY = new Float64Array(0);

function sorted(values: Float64Array): RunSample {
  sortAscending(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return { sorted: values, sum };
}

export function sampleOf(values: readonly number[]): RunSample {
  return sorted(Float64Array.from(values));
}

/** Every activation of a cell's runs as singleton runs: the unit when each cell is one run. */
export function asActivations(runs: readonly RunSample[]): RunSample[] {
  const out: RunSample[] = [];
  for (const run of runs) for (const v of run.sorted) out.push({ sorted: Float64Array.of(v), sum: v });
  return out;
}

const pooledCache = new WeakMap<readonly RunSample[], Float64Array>();

/**
 * A cell's runs pooled, ascending: every comparison of the cell reads it (the baseline's cells in
 * every candidate's comparisons), so it is merged from the sorted runs once per cell and kept with it.
 * Callers only read it.
 */
export function pooledSortedOf(runs: readonly RunSample[]): Float64Array {
  if (runs.length === 1) return runs[0].sorted;
  let all = pooledCache.get(runs);
  if (all === undefined) pooledCache.set(runs, (all = mergeAscending(runs.map((run) => run.sorted))));
  return all;
}

export function countOf(runs: readonly RunSample[]): number {
  let n = 0;
  for (const run of runs) n += run.sorted.length;
  return n;
}
