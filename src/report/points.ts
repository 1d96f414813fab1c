// The model's per-activation points: what charts need to show a distribution (ECDF, strip plot).
// Null when the inputs are pre-aggregated rows only: aggregates carry no distribution.
import type { Activation, Table } from '../types.js';
import type { ModelPoint } from './model.js';
import { ms } from './round.js';

export function modelPoints(table: Table): ModelPoint[] | null {
  if (table.activations.length === 0) return null;
  // Charts are laid out by level: rows whose level is not recorded, and compositions, are not drawn.
  const rows = table.activations.filter((row): row is Activation & { concurrency: number } => row.concurrency !== null && row.composition == null);
  if (rows.length === 0) return null;
  return rows.map((row) => ({
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
