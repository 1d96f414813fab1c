// Each cell's values split by run (issue 11): a cell is one runtime at one concurrency level, cold
// or warm activations apart (a cold start and a warm one are never pooled in one comparison).
// Each run's values are sorted once, which the medians read.
import type { Activation } from '../types.js';
import { mergeAscending, sortAscending, sortAscendingCarrying } from './sort.js';

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
 * Successful activations only; cells and runs in order of first appearance. One pass over the
 * rows finds each row's (cell, run) slot and lays every metric's values out flat, tagged with it;
 * one radix sort per metric, carrying the tags, then deals the values out to their runs, each run
 * ascending as sorting it alone would leave it (the same values, the same order to the bit).
 */
export function collectRunCells(rows: readonly Activation[], runOf: (row: Activation) => number): RunCell[] {
  const index = new Map<string, Map<number, Map<number, number>>>();
  const cells: Array<Omit<RunCell, 'runs'> & { slots: number[] }> = [];
  const slotCell: number[] = [];
  const flat = { init: tagged(rows.length), exec: tagged(rows.length), total: tagged(rows.length) };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
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
      slot = slotCell.length;
      byRun.set(run, slot);
      const cell = byRun.get(-Infinity) as number;
      cells[cell].slots.push(slot);
      slotCell.push(cell);
    }
    if (row.init_ms !== null && row.cold) push(flat.init, row.init_ms, slot);
    if (row.exec_ms !== null) push(flat.exec, row.exec_ms, slot);
    if (row.total_ms !== null) push(flat.total, row.total_ms, slot);
  }
  const bySlot = {} as Record<UnitMetric, RunSample[]>;
  for (const metric of UNIT_METRICS) bySlot[metric] = dealtOut(flat[metric], slotCell.length);
  return cells.map(({ slots: mine, ...cell }) => {
    const runs = { init: [], exec: [], total: [] } as Record<UnitMetric, RunSample[]>;
    for (const s of mine) {
      for (const metric of UNIT_METRICS) if (bySlot[metric][s].sorted.length > 0) runs[metric].push(bySlot[metric][s]);
    }
    return { ...cell, runs };
  });
}

interface Tagged { values: Float64Array; tags: Uint32Array; length: number }

const tagged = (capacity: number): Tagged => ({ values: new Float64Array(capacity), tags: new Uint32Array(capacity), length: 0 });

function push(into: Tagged, value: number, tag: number): void {
  into.values[into.length] = value;
  into.tags[into.length++] = tag;
}

/** Each slot's values, ascending, with their sum. */
function dealtOut({ values, tags, length }: Tagged, slots: number): RunSample[] {
  const v = sortAscendingCarrying(values.subarray(0, length), tags.subarray(0, length));
  const counts = new Uint32Array(slots);
  for (let i = 0; i < length; i++) counts[tags[i]]++;
  const out = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Uint32Array(slots);
  for (let i = 0; i < length; i++) {
    const slot = tags[i];
    out[slot][filled[slot]++] = v[i];
  }
  return out.map(withSum);
}

/** `ascending` with its sum, added in ascending order. */
function withSum(ascending: Float64Array): RunSample {
  let sum = 0;
  for (let i = 0; i < ascending.length; i++) sum += ascending[i];
  return { sorted: ascending, sum };
}

export function sampleOf(values: readonly number[]): RunSample {
  return withSum(sortAscending(Float64Array.from(values)));
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
