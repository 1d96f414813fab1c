// Which runtime the speedups compare against (DESIGN.md §2.3).
import type { ActivationStore } from '../table/store.js';
import { storeOf } from '../table/table.js';
import type { Table } from '../types.js';
import { UsageError } from '../errors.js';
import * as msg from './messages.js';

/** Runtime labels in input order: files in the order given, labels in order of first appearance; never a composition. */
export function runtimesInInputOrder(table: Table, store: ActivationStore = storeOf(table)): string[] {
  const seen = new Set<string>();
  for (const source of table.sources) for (const runtime of source.runtimes) seen.add(runtime);
  for (const row of table.aggregates) seen.add(row.runtime);
  const runtime = store.codes('runtime');
  const composition = store.labels.composition.codes;
  const values = store.labels.runtime.values;
  let last = -1;
  for (let i = 0; i < store.length; i++) {
    if (composition !== null && composition[i] !== -1) continue;
    if (runtime[i] !== last) seen.add(values[(last = runtime[i])]); // runs of one label: one Set probe per run
  }
  return [...seen];
}

/** `requested` if present; else `blackbox` if present; else the first runtime; null for no data. */
export function chooseBaseline(runtimes: readonly string[], requested?: string): string | null {
  if (requested !== undefined) {
    if (!runtimes.includes(requested)) throw new UsageError(msg.unknownBaseline(requested, runtimes));
    return requested;
  }
  if (runtimes.includes('blackbox')) return 'blackbox';
  return runtimes[0] ?? null;
}
