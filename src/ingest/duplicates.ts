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
  // The kept row each kept index stands for (kept indices number the rows that stay), and back.
  const keptRow = new Int32Array(store.length);
  const keptIndex = new Int32Array(store.length);
  const firstOf = firstRowsOf(ids, store.length);
  const droppedBySource = new Map<number, number>();
  let kept = 0;
  for (let i = 0; i < store.length; i++) {
    if (firstOf[i] === -1) {
      keep[i] = 1;
      keptIndex[i] = kept;
      keptRow[kept++] = i;
      continue;
    }
    const earlier = keptIndex[firstOf[i]];
    const a = store.rowAt(firstOf[i]);
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
 * Per row, the first row before it with the same id, or -1 (none, or no id). The rows are sorted
 * by a hash of their ids (a stable radix sort: in row order within a hash) and equal hashes
 * compared: a million ids in under half the time of the hash table this replaces, whose probes
 * each missed the cache (16 MB of table).
 */
function firstRowsOf(ids: IdColumn, n: number): Int32Array {
  const firstOf = new Int32Array(n).fill(-1);
  let m = 0;
  let rows = new Int32Array(n);
  let keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    if (!ids.has(i)) continue;
    rows[m] = i;
    keys[m++] = ids.hash(i) >>> 0;
  }
  // Two passes of 16 bits, low then high.
  let toRows = new Int32Array(m);
  let toKeys = new Uint32Array(m);
  const counts = new Int32Array(1 << 16);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let j = 0; j < m; j++) counts[(keys[j] >>> shift) & 0xffff]++;
    for (let d = 0, sum = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let j = 0; j < m; j++) {
      const at = counts[(keys[j] >>> shift) & 0xffff]++;
      toRows[at] = rows[j];
      toKeys[at] = keys[j];
    }
    [rows, toRows] = [toRows, rows];
    [keys, toKeys] = [toKeys, keys];
  }
  for (let a = 0; a < m;) {
    let b = a + 1;
    while (b < m && keys[b] === keys[a]) b++;
    // Rows of one hash, in row order: the first before a row with its id is the first of them all.
    for (let x = a + 1; x < b; x++) {
      for (let y = a; y < x; y++) {
        if (ids.same(rows[y], rows[x])) {
          firstOf[rows[x]] = rows[y];
          break;
        }
      }
    }
    a = b;
  }
  return firstOf;
}
