// The same activation read twice (a file given twice, overlapping exports): counted once, with a
// warning saying how many were dropped. The same id with other contents is the user's error.
import { InputError } from '../errors.js';
import type { IdColumn } from '../table/ids.js';
import type { ActivationStore } from '../table/store.js';
import type { Activation, Table } from '../types.js';
import * as msg from './messages.js';

/** Drops exact repeats of an activation id in place; throws when a repeat differs. */
export function dropDuplicates(store: ActivationStore, table: Pick<Table, 'sources' | 'warnings'>): void {
  const ids = store.ids;
  const keep = new Uint8Array(store.length);
  // The kept row each kept index stands for (kept indices number the rows that stay).
  const keptRow = new Int32Array(store.length);
  const first = new IdIndex(ids, keptRow, store.length);
  const droppedBySource = new Map<number, number>();
  let kept = 0;
  for (let i = 0; i < store.length; i++) {
    const earlier = ids.has(i) ? first.findOrAdd(i, kept) : -1;
    if (earlier === -1) {
      keep[i] = 1;
      keptRow[kept++] = i;
      continue;
    }
    const a = store.rowAt(keptRow[earlier]);
    const row = store.rowAt(i);
    const differs = firstDifference(a, row);
    if (differs !== null) {
      // Places counted only now, off the hot loop: the nth activation each file gave.
      const nth = (upTo: number, source: number) => {
        let n = 1;
        for (let j = 0; j < upTo; j++) if (store.source[keptRow[j]] === source) n++;
        return n;
      };
      const fileOf = (source: number) => table.sources[source]?.path ?? '(input)';
      const here = nth(kept, row.source) + (droppedBySource.get(row.source) ?? 0);
      throw new InputError(fileOf(row.source), `activation ${here}`,
        msg.duplicateDiffers(ids.at(i)!, fileOf(a.source), nth(earlier, a.source), differs, a[differs], row[differs]));
    }
    droppedBySource.set(row.source, (droppedBySource.get(row.source) ?? 0) + 1);
  }
  const dropped = store.length - kept;
  if (dropped > 0) {
    store.compact(keep);
    table.warnings.push(msg.duplicatesDropped(dropped));
  }
}

function firstDifference(a: Activation, b: Activation): keyof Activation | null {
  for (const key of Object.keys(a) as Array<keyof Activation>) {
    if (key !== 'source' && !Object.is(a[key], b[key])) return key;
  }
  return null;
}


/**
 * Kept rows by activation id: open addressing over an Int32Array (kept index + 1, 0 empty) with
 * a hash of the id's bytes, comparing ids only on a hash match. A Map of a million string keys
 * took three quarters of a second here (its growth and garbage); this takes a tenth.
 */
class IdIndex {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** `keptRow`: the row of each kept index, which the caller fills as findOrAdd records it. */
  constructor(private readonly ids: IdColumn, private readonly keptRow: Int32Array, count: number) {
    let size = 1024;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The kept index of an earlier row with row's id, or -1 after recording `index` as its row. */
  findOrAdd(row: number, index: number): number {
    const hash = this.ids.hash(row);
    for (let at = hash & this.mask; ; at = (at + 1) & this.mask) {
      const slot = this.slots[at];
      if (slot === 0) {
        this.slots[at] = index + 1;
        this.hashes[at] = hash;
        return -1;
      }
      if (this.hashes[at] === hash && this.ids.same(this.keptRow[slot - 1], row)) return slot - 1;
    }
  }
}
