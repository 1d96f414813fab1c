// Each cell's values split by run (issue 11): a cell is one runtime at one concurrency level, cold
// or warm activations apart (a cold start and a warm one are never pooled in one comparison).
// Each run's values are sorted once, which the medians read.
import { RowCursor, type RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';
import { mergeAscending, sortAscending } from './sort.js';
import type { GroupKey } from './columns.js';
import { groupIdsOf, type GroupIds } from './group-ids.js';

const LEVEL_KEYS: ReadonlySet<GroupKey> = new Set(['runtime', 'concurrency']);

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

/**
 * Successful activations only; cells and runs in order of first appearance. Two passes with no
 * per-row allocation (as columns.ts): the first finds each row's slot and counts, the second fills
 * typed arrays, which are then sorted in place.
 */
export function collectRunCells(store: ActivationStore, runOf: (row: RowView) => number, ids: GroupIds = levelIdsOf(store)): RunCell[] {
  const cellOf = new Int32Array(ids.firstRow.length * 2).fill(-1);
  const runSlots: Array<Map<number, number>> = [];
  // Each cell's last run and its slot: rows of one run tend to come together (and one-run cells always do).
  const lastRun: number[] = [];
  const lastSlot: number[] = [];
  const cells: Array<Omit<RunCell, 'runs'> & { slots: number[] }> = [];
  const slotOf = new Int32Array(store.length).fill(-1);
  // Per slot, the number of init, exec and total values: counts[3·slot + metric].
  let counts = new Int32Array(3 * 64);
  let slotCount = 0;
  const status = store.codes('status');
  const success = store.labels.status.find('success');
  const { cold } = store;
  const init = store.column('init_ms');
  const exec = store.column('exec_ms');
  const total = store.column('total_ms');
  const row = new RowCursor(store);
  for (let i = 0; i < store.length; i++) {
    if (status[i] !== success || success === -1) continue;
    const key = ids.of[i] * 2 + cold[i];
    let c = cellOf[key];
    if (c === -1) {
      row.at(i);
      c = cellOf[key] = cells.length;
      cells.push({ runtime: row.runtime, concurrency: row.concurrency, part: cold[i] === 1 ? 'cold' : 'warm', slots: [] });
      runSlots.push(new Map());
      lastRun.push(NaN);
      lastSlot.push(-1);
    }
    const run = runOf(row.at(i));
    let slot = run === lastRun[c] ? lastSlot[c] : runSlots[c].get(run);
    if (slot === undefined) {
      slot = slotCount++;
      runSlots[c].set(run, slot);
      cells[c].slots.push(slot);
      if (3 * slotCount > counts.length) {
        const grown = new Int32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    lastRun[c] = run;
    lastSlot[c] = slot;
    slotOf[i] = slot;
    // x === x: not NaN, the store's null.
    if (init[i] === init[i] && cold[i] === 1) counts[3 * slot]++;
    if (exec[i] === exec[i]) counts[3 * slot + 1]++;
    if (total[i] === total[i]) counts[3 * slot + 2]++;
  }
  const values: Float64Array[] = [];
  for (let k = 0; k < 3 * slotCount; k++) values.push(new Float64Array(counts[k]));
  counts.fill(0);
  for (let i = 0; i < store.length; i++) {
    const slot = slotOf[i];
    if (slot < 0) continue;
    if (init[i] === init[i] && cold[i] === 1) values[3 * slot][counts[3 * slot]++] = init[i];
    if (exec[i] === exec[i]) values[3 * slot + 1][counts[3 * slot + 1]++] = exec[i];
    if (total[i] === total[i]) values[3 * slot + 2][counts[3 * slot + 2]++] = total[i];
  }
  return cells.map(({ slots: mine, ...cell }) => {
    const runs = { init: [], exec: [], total: [] } as Record<UnitMetric, RunSample[]>;
    for (const s of mine) {
      UNIT_METRICS.forEach((metric, m) => {
        if (values[3 * s + m].length > 0) runs[metric].push(sorted(values[3 * s + m]));
      });
    }
    return { ...cell, runs };
  });
}

/** The (runtime, level) groups the cells split, compositions included (collectRunCells takes every row it is given). */
export function levelIdsOf(store: ActivationStore): GroupIds {
  return groupIdsOf(store, LEVEL_KEYS, true);
}


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
