// The same activation read twice (a file given twice, overlapping exports): counted once, with a
// warning saying how many were dropped. The same id with other contents is the user's error.
import { InputError } from '../errors.js';
import type { Activation, Table } from '../types.js';
import * as msg from './messages.js';

/** Drops exact repeats of an activation id in place; throws when a repeat differs. */
export function dropDuplicates(table: Table): void {
  const rows = table.activations;
  const first = new Map<string, number>();
  const droppedBySource = new Map<number, number>();
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const id = row.activation_id;
    const earlier = id === null ? undefined : first.get(id);
    if (earlier === undefined) {
      if (id !== null) first.set(id, kept);
      rows[kept++] = row;
      continue;
    }
    const differs = firstDifference(rows[earlier], row);
    if (differs !== null) {
      // Places counted only now, off the hot loop: the nth activation each file gave.
      const nth = (upTo: number, source: number) => rows.slice(0, upTo).filter((r) => r.source === source).length + 1;
      const a = rows[earlier];
      const fileOf = (source: number) => table.sources[source]?.path ?? '(input)';
      const here = nth(kept, row.source) + (droppedBySource.get(row.source) ?? 0);
      throw new InputError(fileOf(row.source), `activation ${here}`,
        msg.duplicateDiffers(id!, fileOf(a.source), nth(earlier, a.source), differs, a[differs], row[differs]));
    }
    droppedBySource.set(row.source, (droppedBySource.get(row.source) ?? 0) + 1);
  }
  const dropped = rows.length - kept;
  rows.length = kept;
  if (dropped > 0) table.warnings.push(msg.duplicatesDropped(dropped));
}

function firstDifference(a: Activation, b: Activation): keyof Activation | null {
  for (const key of Object.keys(a) as Array<keyof Activation>) {
    if (key !== 'source' && !Object.is(a[key], b[key])) return key;
  }
  return null;
}

