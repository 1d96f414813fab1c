// The activation table split into groups of typed columns, in two passes over the rows and with
// no per-row allocation beyond the group key: a million activations group in tens of
// milliseconds. Every statistic is then computed on these columns, never on row objects or a
// DataFrame. Compositions (sequences, conductors) are in no group (analyze reports them apart).
import type { Activation, Failures, FailureStatus, GroupFigures, MissingCounts } from '../types.js';
import { GroupIndex } from './group-index.js';

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
export function collectColumns(rows: readonly Activation[], by: GroupLevel | readonly GroupKey[]): GroupColumns[] {
  const keys = new Set(typeof by === 'string' ? keysOfLevel(by) : by);
  const index = new GroupIndex(keys);
  const groups: Builder[] = [];
  const groupOf = new Int32Array(rows.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // Loose tests: rows made by hand before issue 10 have no composition or caused_by key.
    if (row.composition != null) continue;
    let g = index.find(row);
    if (g === -1) {
      g = groups.length;
      index.add(row, g);
      groups.push(newBuilder(row, keys));
    }
    groupOf[i] = g;
    const { group, all, cold, warm } = groups[g];
    if (row.caused_by != null) group.inComposition++;
    if (row.status !== 'success') {
      group.errors++;
      group.failures[row.status]++;
      continue;
    }
    tally(group, all, row);
    if (row.cold) tally(group.coldPart, cold, row);
    else tally(group.warmPart, warm, row);
  }
  for (const b of groups) {
    allocate(b.group, b.all);
    allocate(b.group.coldPart, b.cold);
    allocate(b.group.warmPart, b.warm);
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (groupOf[i] === -1 || row.status !== 'success') continue;
    const { group, all, cold, warm } = groups[groupOf[i]];
    write(group, all, row);
    if (row.cold) write(group.coldPart, cold, row);
    else write(group.warmPart, warm, row);
  }
  return groups.map((b) => b.group);
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

function tally(set: ColumnSet, at: Tally, row: Activation): void {
  set.count++;
  if (row.wait_ms === null) set.missing.wait_ms++;
  if (row.duration_ms === null) set.missing.duration_ms++;
  if (row.exec_ms === null) set.missing.exec_ms++;
  if (row.total_ms === null) set.missing.total_ms++;
  if (row.init_ms !== null) {
    at.init++;
    if (row.wait_ms !== null) at.coldCost++;
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

function write(set: ColumnSet, at: Tally, row: Activation): void {
  if (row.wait_ms !== null) set.wait[at.wait++] = row.wait_ms;
  if (row.init_ms !== null) set.init[at.init++] = row.init_ms;
  if (row.duration_ms !== null) set.duration[at.duration++] = row.duration_ms;
  if (row.exec_ms !== null) set.exec[at.exec++] = row.exec_ms;
  if (row.total_ms !== null) set.total[at.total++] = row.total_ms;
  if (row.init_ms !== null && row.wait_ms !== null) set.coldCost[at.coldCost++] = row.wait_ms + row.init_ms;
}

function emptyTally(): Tally {
  return { wait: 0, init: 0, duration: 0, exec: 0, total: 0, coldCost: 0 };
}

function newBuilder(row: Activation, keys: ReadonlySet<GroupKey>): Builder {
  return { group: emptyGroup(row, keys), all: emptyTally(), cold: emptyTally(), warm: emptyTally() };
}

function emptySet(): ColumnSet {
  const none = new Float64Array(0);
  return {
    count: 0, wait: none, init: none, duration: none, exec: none, total: none, coldCost: none,
    missing: { wait_ms: 0, duration_ms: 0, exec_ms: 0, total_ms: 0 },
  };
}

function emptyGroup(row: Activation, keys: ReadonlySet<GroupKey>): GroupColumns {
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
