// Builds one activation-table row (DESIGN.md §2.1) from the timings a format found, deriving
// exec, total and cold the one way the design defines them, after the checks every format shares.
import type { Activation, Status } from '../types.js';
import * as msg from './messages.js';
import { RecordProblem } from './problem.js';

/** What a format finds: a row without the figures makeRow() derives (exec, total, cold). */
export type RowFields = Omit<Activation, 'exec_ms' | 'total_ms' | 'cold'>;

/** Where init and duration came from, so a problem names the user's own field. */
export interface TimingNames {
  init: string;
  duration: string;
}

/** OpenWhisk's duration includes initTime; a larger init means the record is not from OpenWhisk. */
export function checkInit(init: number | null, duration: number | null, initName: string): void {
  if (init !== null && duration !== null && init > duration) {
    throw new RecordProblem(initName, msg.initLongerThanDuration(init, duration));
  }
}

/** exec = duration − init (init is null on a warm activation). */
export function execOf(duration: number | null, init: number | null): number | null {
  return duration === null ? null : duration - (init ?? 0);
}

/** total = wait + duration; init is inside duration, never added again. */
export function totalOf(wait: number | null, duration: number | null): number | null {
  return duration === null || wait === null ? null : wait + duration;
}

/**
 * The one place a row is assembled from what a format found (the hot flat path writes the same
 * literal inline, in the same key order, so every row has one shape).
 */
export function makeRow(f: RowFields, names: TimingNames): Activation {
  const init = f.init_ms;
  const duration = f.duration_ms;
  checkInit(init, duration, names.init);
  return {
    runtime: f.runtime,
    kind: f.kind,
    action: f.action,
    memory_mb: f.memory_mb,
    function: f.function,
    concurrency: f.concurrency,
    repetition: f.repetition,
    activation_id: f.activation_id,
    start: f.start,
    end: f.end,
    wait_ms: f.wait_ms,
    init_ms: init,
    duration_ms: duration,
    exec_ms: execOf(duration, init),
    total_ms: totalOf(f.wait_ms, duration),
    client_ms: f.client_ms,
    cold: init !== null,
    status: f.status,
    label: f.label,
    confidence: f.confidence,
    composition: f.composition,
    caused_by: f.caused_by,
    components: f.components,
    source: f.source,
  };
}

/** The table's columns in DESIGN.md §2.1 order (then `source`, the input the row came from). */
export const COLUMNS: ReadonlyArray<keyof Activation> = [
  'runtime', 'kind', 'action', 'memory_mb', 'function', 'concurrency', 'repetition', 'activation_id', 'start', 'end',
  'wait_ms', 'init_ms', 'duration_ms', 'exec_ms', 'total_ms', 'client_ms', 'cold', 'status', 'label',
  'confidence', 'composition', 'caused_by', 'components', 'source',
];
