// Each row's group, from the store's codes (issue 16): a group is a tuple of small integers
// (runtime and function codes, a code per distinct memory size, level, repetition), found in an
// open-addressing table of those tuples. No string is read or hashed per row: with a million rows
// in random order this takes a fraction of the field-by-field search over row objects it replaces.
import type { ActivationStore } from '../table/store.js';
import type { GroupKey } from './columns.js';

export interface GroupIds {
  /** Per row: its group (order of first appearance), or -1 for compositions (in no group). */
  of: Int32Array;
  /** Per group: its first row, which gives the group's key fields. */
  firstRow: number[];
}

const WIDTH = 6;

/** `compositions`: give sequences and conductors groups too (the run cells take every row they are given). */
export function groupIdsOf(store: ActivationStore, keys: ReadonlySet<GroupKey>, compositions = false): GroupIds {
  // The same grouping is asked for more than once per analysis (the default groups' columns and
  // their run samples): made once per store, and kept only as long as the store.
  const signature = `${[...keys].sort().join(',')}${compositions ? '+compositions' : ''}`;
  let mine = known.get(store);
  if (mine === undefined) known.set(store, (mine = new Map()));
  let ids = mine.get(signature);
  if (ids === undefined || ids.length !== store.length) {
    ids = { ...(keys.size === 1 && keys.has('runtime') ? byRuntime(store, compositions) : byTuple(store, keys, compositions)), length: store.length };
    mine.set(signature, ids);
  }
  return ids;
}

const known = new WeakMap<ActivationStore, Map<string, GroupIds & { length: number }>>();

/** Grouped by runtime alone: the runtime's code gives the group. */
function byRuntime(store: ActivationStore, compositions: boolean): GroupIds {
  const n = store.length;
  const of = new Int32Array(n);
  const firstRow: number[] = [];
  const runtime = store.codes('runtime');
  const composition = compositions ? null : store.labels.composition.codes;
  const groupOf = new Int32Array(store.labels.runtime.values.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (composition !== null && composition[i] !== -1) {
      of[i] = -1;
      continue;
    }
    let g = groupOf[runtime[i]];
    if (g === -1) {
      g = groupOf[runtime[i]] = firstRow.length;
      firstRow.push(i);
    }
    of[i] = g;
  }
  return { of, firstRow };
}

function byTuple(store: ActivationStore, keys: ReadonlySet<GroupKey>, compositions: boolean): GroupIds {
  const n = store.length;
  const of = new Int32Array(n);
  const firstRow: number[] = [];
  const runtime = store.codes('runtime');
  const composition = compositions ? null : store.labels.composition.codes;
  // As before issue 16: by action, the action tells groups apart, not the function it derives.
  const fn = keys.has('function') ? store.labels.function.codes : null;
  const action = keys.has('action') ? store.labels.action.codes : null;
  const memory = keys.has('memory') ? new ValueCodes(store.columnOrNull('memory_mb')) : null;
  const level = keys.has('concurrency') ? new ValueCodes(store.columnOrNull('concurrency')) : null;
  const repetition = keys.has('repetition') ? new ValueCodes(store.columnOrNull('repetition')) : null;
  const table = new TupleTable();
  const tuple = new Int32Array(WIDTH);
  for (let i = 0; i < n; i++) {
    if (composition !== null && composition[i] !== -1) {
      of[i] = -1;
      continue;
    }
    tuple[0] = runtime[i];
    tuple[1] = fn === null ? -1 : fn[i];
    tuple[2] = action === null ? -1 : action[i];
    tuple[3] = memory === null ? -1 : memory.codeAt(i);
    tuple[4] = level === null ? -1 : level.codeAt(i);
    tuple[5] = repetition === null ? -1 : repetition.codeAt(i);
    const g = table.findOrAdd(tuple);
    if (g === firstRow.length) firstRow.push(i);
    of[i] = g;
  }
  return { of, firstRow };
}

/** Distinct values of a number column as codes 0, 1, …; null (NaN) is −1; the last value is remembered. */
class ValueCodes {
  private readonly codes = new Map<number, number>();
  private last = NaN;
  private lastCode = -1;

  constructor(private readonly column: Float64Array | null) {}

  codeAt(i: number): number {
    if (this.column === null) return -1;
    const value = this.column[i];
    if (value !== value) return -1;
    if (value === this.last) return this.lastCode;
    let code = this.codes.get(value);
    if (code === undefined) this.codes.set(value, (code = this.codes.size));
    this.last = value;
    this.lastCode = code;
    return code;
  }
}

/** Tuples of WIDTH integers → their index in order of first appearance (linear probing, grown at half full). */
class TupleTable {
  private tuples = new Int32Array(WIDTH * 16);
  private slots = new Int32Array(64).fill(-1);
  private size = 0;

  findOrAdd(tuple: Int32Array): number {
    const mask = this.slots.length - 1;
    for (let at = hashOf(tuple) & mask; ; at = (at + 1) & mask) {
      const g = this.slots[at];
      if (g === -1) {
        this.add(tuple, at);
        return this.size - 1;
      }
      if (this.equals(g, tuple)) return g;
    }
  }

  private equals(g: number, tuple: Int32Array): boolean {
    const base = g * WIDTH;
    for (let k = 0; k < WIDTH; k++) if (this.tuples[base + k] !== tuple[k]) return false;
    return true;
  }

  private add(tuple: Int32Array, at: number): void {
    if ((this.size + 1) * WIDTH > this.tuples.length) {
      const grown = new Int32Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    this.tuples.set(tuple, this.size * WIDTH);
    this.slots[at] = this.size++;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let g = 0; g < this.size; g++) {
      let at = hashOf(this.tuples.subarray(g * WIDTH, (g + 1) * WIDTH)) & mask;
      while (this.slots[at] !== -1) at = (at + 1) & mask;
      this.slots[at] = g;
    }
  }
}

function hashOf(tuple: Int32Array): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < WIDTH; k++) h = Math.imul(h ^ tuple[k], 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}
