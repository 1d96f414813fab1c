// The model's per-activation points: what charts need to show a distribution (ECDF, strip plot).
// Null when the inputs are pre-aggregated rows only: aggregates carry no distribution.
import type { Table } from '../types.js';
import type { ModelPoint } from './model.js';
import { ms } from './round.js';

export function modelPoints(table: Table): ModelPoint[] | null {
  if (table.activations.length === 0) return null;
  return table.activations.map((row) => ({
    runtime: row.runtime,
    concurrency: row.concurrency,
    repetition: row.repetition,
    wait_ms: ms(row.wait_ms),
    init_ms: ms(row.init_ms),
    exec_ms: ms(row.exec_ms),
    total_ms: ms(row.total_ms),
    cold: row.cold,
    status: row.status,
  }));
}
