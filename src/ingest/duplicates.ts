// The same activation read twice (a file given twice, overlapping exports): counted once, with a
// warning saying how many were dropped. The same id with other contents is the user's error.
import { InputError } from '../errors.js';
import type { Activation, Table } from '../types.js';
import * as msg from './messages.js';

/** Drops exact repeats of an activation id in place; throws when a repeat differs. */
export function dropDuplicates(table: Table): void {
  const rows = table.activations;
  const first = new Map<string, number>();
  const ordinal = new Map<number, number>();
  const place = (index: number, nth: number) => ({ file: table.sources[rows[index].source]?.path ?? '(input)', nth });
  const nthOf: number[] = [];
  let kept = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const nth = (ordinal.get(row.source) ?? 0) + 1;
    ordinal.set(row.source, nth);
    const id = row.activation_id;
    const earlier = id === null ? undefined : first.get(id);
    if (id === null || earlier === undefined) {
      if (id !== null) first.set(id, kept);
      nthOf[kept] = nth;
      rows[kept++] = row;
      continue;
    }
    const differs = firstDifference(rows[earlier], row);
    if (differs !== null) {
      const a = place(earlier, nthOf[earlier]);
      const b = place(i, nth);
      throw new InputError(b.file, `activation ${b.nth}`, msg.duplicateDiffers(id, a.file, a.nth, differs, rows[earlier][differs], row[differs]));
    }
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
