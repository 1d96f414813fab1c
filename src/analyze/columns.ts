// The activation table split into groups of typed columns, in two passes over the rows and with
// no per-row allocation beyond the group key: a million activations group in tens of
// milliseconds. Every statistic is then computed on these columns, never on row objects or a
// DataFrame. Compositions (sequences, conductors) are in no group (analyze reports them apart).
import type { Failures, FailureStatus, GroupFigures, MissingCounts } from '../types.js';
import type { RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';
import { groupIdsOf } from './group-ids.js';

/** A key a group can be made of (`analyze --by`); see GROUP_KEYS_DEFAULT. */
export type GroupKey = 'runtime' | 'function' | 'action' | 'memory' | 'concurrency' | 'repetition';

/** What a group is by default: one deployed function in one configuration (README "What a group is"). */
export const GROUP_KEYS_DEFAULT: readonly GroupKey[] = ['runtime', 'function', 'memory', 'concurrency'];

/** The columns of one population of a group's successful activations (each holds its non-null values). */
export interface ColumnSet {
  count: number;
  wait: Float64Array;
  /** Only the cold ones: init_ms is absent on warm activations. */
  init: Float64Array;
  duration: Float64Array;
  exec: Float64Array;
  total: Float64Array;
  /** wait_ms + init_ms of the cold ones: the cold-start cost. */
  coldCost: Float64Array;
  /** Successful activations without the column's value, which its figures leave out. */
  missing: MissingCounts;
}

/** One group's successful activations as typed columns, with its cold and warm parts apart. */
export interface GroupColumns extends ColumnSet {
  runtime: string;
  function: string | null;
  /** Set when grouping by action. */
  action: string | null;
  memory_mb: number | null;
  concurrency: number | null;
  /** Only set when grouping by repetition. */
  repetition: number | null;
  /** Activations whose status is not `success`, in all and by status. */
  errors: number;
  failures: Failures;
  /** Activations that ran inside a sequence or conductor (`causedBy`). */
  inComposition: number;
  coldPart: ColumnSet;
  warmPart: ColumnSet;
}

/** A group at a recorded concurrency level: what comparisons and trends take. */
export type LevelColumns = GroupColumns & { concurrency: number };
export type LevelFigures = GroupFigures & { concurrency: number };

/** The grouping the analysis has used since before issue 10, by name: all a runtime's rows, per level, per repetition. */
export type GroupLevel = 'runtime' | 'concurrency' | 'repetition';

export function keysOfLevel(level: GroupLevel): readonly GroupKey[] {
  return level === 'runtime' ? ['runtime'] : level === 'repetition' ? [...GROUP_KEYS_DEFAULT, 'repetition'] : GROUP_KEYS_DEFAULT;
}

export const FAILURE_STATUSES: readonly FailureStatus[] = [
  'application error', 'action developer error', 'whisk internal error', 'timeout', 'throttled', 'lost',
];

/**
 * Groups the rows by `keys` (runtime always), in order of first appearance; within a group,
 * values keep row order. A pass of counts sizes each column (its rows, and of them those with an
 * init), one pass writes them; a column some rows lack a value of is a view of its written part.
 */
/**
 * The one block a grouping's columns are cut from. Given again to a later grouping, that grouping
 * writes over the same memory when it fits: only once nothing reads the earlier groups' columns
 * (analyze.ts lets its level groups go before it groups by runtime, the same rows again).
 */
export interface ColumnArena {
  block: Float64Array | null;
}

export function collectColumns(store: ActivationStore, by: GroupLevel | readonly GroupKey[], arena: ColumnArena = { block: null }): GroupColumns[] {
  const keys = new Set(typeof by === 'string' ? keysOfLevel(by) : by);
  const ids = groupIdsOf(store, keys);
  const columns = valueColumnsOf(store);
  const groups = ids.firstRow.map((first) => emptyGroup(store.rowAt(first), keys));
  const { cold } = store;
  const inComposition = store.labels.caused_by.codes;
  const rows = new Int32Array(groups.length);
  const coldRows = new Int32Array(groups.length);
  const inits = new Int32Array(groups.length);
  const coldInits = new Int32Array(groups.length);
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    if (g === -1) continue;
    const group = groups[g];
    if (inComposition !== null && inComposition[i] !== -1) group.inComposition++;
    if (!columns.success[i]) {
      group.errors++;
      group.failures[columns.statusOf(i)]++;
      continue;
    }
    rows[g]++;
    const hasInit = columns.init[i] === columns.init[i];
    if (hasInit) inits[g]++;
    if (cold[i] === 1) {
      coldRows[g]++;
      if (hasInit) coldInits[g]++;
    }
  }
  // Each row is in its group's set and in the cold or the warm part: 4 columns of rows, 2 of inits, twice.
  let size = 0;
  for (let g = 0; g < groups.length; g++) size += 2 * (4 * rows[g] + 2 * inits[g]);
  if (arena.block === null || arena.block.length < size) arena.block = new Float64Array(size);
  const cut = cutter(arena.block);
  const writers = groups.map((group, g) => ({
    all: new SetWriter(group, rows[g], inits[g], cut),
    cold: new SetWriter(group.coldPart, coldRows[g], coldInits[g], cut),
    warm: new SetWriter(group.warmPart, rows[g] - coldRows[g], inits[g] - coldInits[g], cut),
  }));
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    if (g === -1 || !columns.success[i]) continue;
    const w = writers[g];
    w.all.write(columns, i);
    if (cold[i] === 1) w.cold.write(columns, i);
    else w.warm.write(columns, i);
  }
  for (const w of writers) {
    w.all.finish();
    w.cold.finish();
    w.warm.finish();
  }
  return groups;
}

/** What the columns of a group are made from, read straight from the store (NaN: no value). */
interface ValueColumns {
  wait: Float64Array;
  init: Float64Array;
  duration: Float64Array;
  exec: Float64Array;
  total: Float64Array;
  /** 1 where the status is `success`. */
  success: Uint8Array;
  statusOf(i: number): FailureStatus;
}

function valueColumnsOf(store: ActivationStore): ValueColumns {
  const status = store.codes('status');
  const names = store.labels.status.values;
  const successCode = store.labels.status.find('success');
  const success = new Uint8Array(store.length);
  for (let i = 0; i < store.length; i++) success[i] = status[i] === successCode && successCode !== -1 ? 1 : 0;
  return {
    wait: store.column('wait_ms'), init: store.column('init_ms'), duration: store.column('duration_ms'),
    exec: store.column('exec_ms'), total: store.column('total_ms'), success,
    statusOf: (i) => names[status[i]] as FailureStatus,
  };
}

/** Fills one set's columns, each allocated at the most values it can get; finish() trims them to what came. */
class SetWriter {
  private readonly wait: Float64Array;
  private readonly init: Float64Array;
  private readonly duration: Float64Array;
  private readonly exec: Float64Array;
  private readonly total: Float64Array;
  private readonly coldCost: Float64Array;
  private waits = 0;
  private initsAt = 0;
  private durations = 0;
  private execs = 0;
  private totals = 0;
  private coldCosts = 0;

  constructor(private readonly set: ColumnSet, private readonly rows: number, inits: number, cut: (n: number) => Float64Array) {
    this.wait = cut(rows);
    this.init = cut(inits);
    this.duration = cut(rows);
    this.exec = cut(rows);
    this.total = cut(rows);
    this.coldCost = cut(inits);
  }

  // `x === x`: the value is not NaN, which the store writes for null.
  write(c: ValueColumns, i: number): void {
    const wait = c.wait[i];
    const init = c.init[i];
    const duration = c.duration[i];
    const exec = c.exec[i];
    const total = c.total[i];
    if (wait === wait) this.wait[this.waits++] = wait;
    if (init === init) this.init[this.initsAt++] = init;
    if (duration === duration) this.duration[this.durations++] = duration;
    if (exec === exec) this.exec[this.execs++] = exec;
    if (total === total) this.total[this.totals++] = total;
    if (init === init && wait === wait) this.coldCost[this.coldCosts++] = wait + init;
  }

  finish(): void {
    const set = this.set;
    set.count = this.rows;
    set.missing = {
      wait_ms: this.rows - this.waits, duration_ms: this.rows - this.durations,
      exec_ms: this.rows - this.execs, total_ms: this.rows - this.totals,
    };
    set.wait = trimmed(this.wait, this.waits);
    set.init = this.init;
    set.duration = trimmed(this.duration, this.durations);
    set.exec = trimmed(this.exec, this.execs);
    set.total = trimmed(this.total, this.totals);
    set.coldCost = trimmed(this.coldCost, this.coldCosts);
  }
}

/** Consecutive columns of `block`, each of the length asked for. */
function cutter(block: Float64Array): (n: number) => Float64Array {
  let at = 0;
  return (n) => block.subarray(at, (at += n));
}

function trimmed(column: Float64Array, length: number): Float64Array {
  return length === column.length ? column : column.subarray(0, length);
}

function emptySet(): ColumnSet {
  const none = new Float64Array(0);
  return {
    count: 0, wait: none, init: none, duration: none, exec: none, total: none, coldCost: none,
    missing: { wait_ms: 0, duration_ms: 0, exec_ms: 0, total_ms: 0 },
  };
}

function emptyGroup(row: RowView, keys: ReadonlySet<GroupKey>): GroupColumns {
  return {
    ...emptySet(),
    runtime: row.runtime,
    function: keys.has('function') || keys.has('action') ? row.function : null,
    action: keys.has('action') ? row.action : null,
    memory_mb: keys.has('memory') ? row.memory_mb : null,
    concurrency: keys.has('concurrency') ? row.concurrency : null,
    repetition: keys.has('repetition') ? row.repetition : null,
    errors: 0,
    failures: Object.fromEntries(FAILURE_STATUSES.map((s) => [s, 0])) as Failures,
    inComposition: 0,
    coldPart: emptySet(),
    warmPart: emptySet(),
  };
}
