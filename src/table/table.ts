// A Table whose activations are held as columns (store.ts) until someone asks for row objects.
// Reading or assigning `activations` hands the table over to rows for good: rows can be edited
// (`report --concurrency` fills levels in), so from then on the rows are the truth and the
// columns are dropped. The analysis asks storeOf(), which reads the columns while they are the
// truth and builds them from the rows otherwise (tests and notebooks make tables by hand).
import type { Activation, Table } from '../types.js';
import { ActivationStore } from './store.js';

const stores = new WeakMap<object, ActivationStore>();

export function storedTable(store: ActivationStore, rest: Omit<Table, 'activations'>): Table {
  let rows: Activation[] | null = null;
  const table = { ...rest } as Table;
  Object.defineProperty(table, 'activations', {
    enumerable: true,
    configurable: true,
    get() {
      if (rows === null) rows = store.rows();
      stores.delete(table);
      return rows;
    },
    set(value: Activation[]) {
      rows = value;
      stores.delete(table);
    },
  });
  stores.set(table, store);
  return table;
}

/** The table's activations as columns: its own while it has them, else built from its rows. */
export function storeOf(table: Pick<Table, 'activations'>): ActivationStore {
  return stores.get(table) ?? ActivationStore.fromRows(table.activations);
}

/** How many activations, without making row objects. */
export function activationCount(table: Pick<Table, 'activations'>): number {
  return stores.get(table)?.length ?? table.activations.length;
}
