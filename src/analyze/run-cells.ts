// Each cell's values split by run (issue 11): a cell is one runtime at one concurrency level, cold
// or warm activations apart (a cold start and a warm one are never pooled in one comparison).
// One pass over the rows; each run's values are then sorted once, which the medians read.
import type { Activation } from '../types.js';

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
  concurrency: number;
  part: Part;
  /** Per metric, one sample per run that has a value (runs in order of first appearance). */
  runs: Record<UnitMetric, RunSample[]>;
}

interface Building {
  cell: Omit<RunCell, 'runs'>;
  byRun: Map<number, Record<UnitMetric, number[]>>;
}

/** Successful activations only; cells in order of first appearance. */
export function collectRunCells(rows: readonly Activation[], runOf: (row: Activation) => number): RunCell[] {
  const building = new Map<string, Building>();
  for (const row of rows) {
    if (row.status !== 'success') continue;
    const part: Part = row.cold ? 'cold' : 'warm';
    const key = `${row.runtime}\u0000${row.concurrency}\u0000${part}`;
    let b = building.get(key);
    if (b === undefined) building.set(key, (b = { cell: { runtime: row.runtime, concurrency: row.concurrency, part }, byRun: new Map() }));
    const run = runOf(row);
    let values = b.byRun.get(run);
    if (values === undefined) b.byRun.set(run, (values = { init: [], exec: [], total: [] }));
    if (row.init_ms !== null && row.cold) values.init.push(row.init_ms);
    if (row.exec_ms !== null) values.exec.push(row.exec_ms);
    if (row.total_ms !== null) values.total.push(row.total_ms);
  }
  return [...building.values()].map(({ cell, byRun }) => {
    const runs = { init: [], exec: [], total: [] } as Record<UnitMetric, RunSample[]>;
    for (const values of byRun.values()) {
      for (const metric of UNIT_METRICS) if (values[metric].length > 0) runs[metric].push(sampleOf(values[metric]));
    }
    return { ...cell, runs };
  });
}

export function sampleOf(values: readonly number[]): RunSample {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i];
  return { sorted, sum };
}

/** Every activation of a cell's runs as singleton runs: the unit when each cell is one run. */
export function asActivations(runs: readonly RunSample[]): RunSample[] {
  const out: RunSample[] = [];
  for (const run of runs) for (const v of run.sorted) out.push({ sorted: Float64Array.of(v), sum: v });
  return out;
}

export function countOf(runs: readonly RunSample[]): number {
  let n = 0;
  for (const run of runs) n += run.sorted.length;
  return n;
}
