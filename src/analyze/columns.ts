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
 * values keep row order. Counts first, then fills: each column is allocated once, at its size.
 */
export function collectColumns(store: ActivationStore, by: GroupLevel | readonly GroupKey[]): GroupColumns[] {
  const keys = new Set(typeof by === 'string' ? keysOfLevel(by) : by);
  const ids = groupIdsOf(store, keys);
  const columns = valueColumnsOf(store);
  const groups: Builder[] = ids.firstRow.map((first) => newBuilder(store.rowAt(first), keys));
  const { cold } = store;
  const inComposition = store.labels.caused_by.codes;
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    if (g === -1) continue;
    const b = groups[g];
    if (inComposition !== null && inComposition[i] !== -1) b.group.inComposition++;
    if (!columns.success[i]) {
      b.group.errors++;
      b.group.failures[columns.statusOf(i)]++;
      continue;
    }
    tally(b.group, b.all, columns, i);
    if (cold[i] === 1) tally(b.group.coldPart, b.cold, columns, i);
    else tally(b.group.warmPart, b.warm, columns, i);
  }
  for (const b of groups) {
    allocate(b.group, b.all);
    allocate(b.group.coldPart, b.cold);
    allocate(b.group.warmPart, b.warm);
  }
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    if (g === -1 || !columns.success[i]) continue;
    const b = groups[g];
    write(b.group, b.all, columns, i);
    if (cold[i] === 1) write(b.group.coldPart, b.cold, columns, i);
    else write(b.group.warmPart, b.warm, columns, i);
  }
  return groups.map((b) => b.group);
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

/** Lengths of init and coldCost in the first pass (the others follow from count − missing), then write cursors. */
interface Tally {
  wait: number;
  init: number;
  duration: number;
  exec: number;
  total: number;
  coldCost: number;
}

interface Builder {
  group: GroupColumns;
  all: Tally;
  cold: Tally;
  warm: Tally;
}

// `x !== x`: the value is NaN, which the store writes for null.
function tally(set: ColumnSet, at: Tally, c: ValueColumns, i: number): void {
  set.count++;
  const wait = c.wait[i];
  if (wait !== wait) set.missing.wait_ms++;
  if (c.duration[i] !== c.duration[i]) set.missing.duration_ms++;
  if (c.exec[i] !== c.exec[i]) set.missing.exec_ms++;
  if (c.total[i] !== c.total[i]) set.missing.total_ms++;
  if (c.init[i] === c.init[i]) {
    at.init++;
    if (wait === wait) at.coldCost++;
  }
}

function allocate(set: ColumnSet, at: Tally): void {
  set.wait = new Float64Array(set.count - set.missing.wait_ms);
  set.init = new Float64Array(at.init);
  set.duration = new Float64Array(set.count - set.missing.duration_ms);
  set.exec = new Float64Array(set.count - set.missing.exec_ms);
  set.total = new Float64Array(set.count - set.missing.total_ms);
  set.coldCost = new Float64Array(at.coldCost);
  Object.assign(at, emptyTally());
}

function write(set: ColumnSet, at: Tally, c: ValueColumns, i: number): void {
  const wait = c.wait[i];
  const init = c.init[i];
  const duration = c.duration[i];
  const exec = c.exec[i];
  const total = c.total[i];
  if (wait === wait) set.wait[at.wait++] = wait;
  if (init === init) set.init[at.init++] = init;
  if (duration === duration) set.duration[at.duration++] = duration;
  if (exec === exec) set.exec[at.exec++] = exec;
  if (total === total) set.total[at.total++] = total;
  if (init === init && wait === wait) set.coldCost[at.coldCost++] = wait + init;
}

function emptyTally(): Tally {
  return { wait: 0, init: 0, duration: 0, exec: 0, total: 0, coldCost: 0 };
}

function newBuilder(row: RowView, keys: ReadonlySet<GroupKey>): Builder {
  return { group: emptyGroup(row, keys), all: emptyTally(), cold: emptyTally(), warm: emptyTally() };
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
