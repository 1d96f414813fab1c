// Format 1: flat records, a JSON array like the seed's first block
// (run, activationId, kind, memory, concurrency, initTime, duration, waitTime, confidence, label, status).
import type { Activation } from '../types.js';
import * as msg from './messages.js';
import {
  isObject, optionalNumber, optionalString, optionalTime, requireComposition, requireConcurrency, requireStatus,
} from './fields.js';
import { RecordProblem, rejectRecord, type FileContext } from './problem.js';
import { checkInit, execOf, totalOf } from './row.js';

/** True when the object looks like a flat record rather than an OpenWhisk record or an aggregate. */
export function looksFlat(value: Record<string, unknown>): boolean {
  return looksFlatBy((key) => key in value);
}

/**
 * The same test through a key-presence function (the fast path asks its scratch record). A failed
 * invocation may have no timings at all: a status with a runtime label is enough.
 */
export function looksFlatBy(has: (key: string) => boolean): boolean {
  if (has('annotations') || has('response') || has('no_concurrent_requests') || has('count')) return false;
  return has('duration') || has('waitTime') || has('initTime') || has('activationId') ||
    has('duration_ms') || has('wait_ms') || has('init_ms') ||
    (has('status') && (has('kind') || has('runtime')));
}

export function flatRow(rec: unknown, ctx: FileContext): Activation {
  if (!isObject(rec)) throw new RecordProblem('', msg.expectedObject('a flat record', rec));
  const kind = optionalString(rec.kind, 'kind');
  const runtime = ctx.runtime ?? optionalString(rec.runtime, 'runtime') ?? kind;
  if (runtime === null) throw new RecordProblem('', msg.noRuntime());
  // The seed's names (waitTime, ...) or the table's own (wait_ms, ...): a table saved as JSON reads back.
  const memory = rec.memory !== undefined ? optionalNumber(rec.memory, 'memory') : optionalNumber(rec.memory_mb, 'memory_mb');
  // No concurrency field: not recorded (null), never a silent 1.
  const concurrency = rec.concurrency === undefined || rec.concurrency === null ? null : requireConcurrency(rec.concurrency, 'concurrency');
  const wait = rec.waitTime !== undefined ? optionalTime(rec.waitTime, 'waitTime') : optionalTime(rec.wait_ms, 'wait_ms');
  const initName = rec.initTime !== undefined ? 'initTime' : 'init_ms';
  const init = optionalTime(rec.initTime !== undefined ? rec.initTime : rec.init_ms, initName);
  const duration = rec.duration !== undefined ? optionalTime(rec.duration, 'duration') : optionalTime(rec.duration_ms, 'duration_ms');
  checkInit(init, duration, initName);
  // Written out rather than through makeRow: this runs a million times on the largest inputs.
  return {
    runtime,
    kind,
    action: optionalString(rec.action, 'action'),
    memory_mb: memory,
    function: optionalString(rec.function, 'function'),
    concurrency,
    repetition: optionalNumber(rec.repetition, 'repetition'),
    activation_id: rec.activationId !== undefined ? optionalString(rec.activationId, 'activationId') : optionalString(rec.activation_id, 'activation_id'),
    start: optionalNumber(rec.start, 'start'),
    end: optionalNumber(rec.end, 'end'),
    wait_ms: wait,
    init_ms: init,
    duration_ms: duration,
    exec_ms: execOf(duration, init),
    total_ms: totalOf(wait, duration),
    client_ms: optionalTime(rec.client_ms, 'client_ms'),
    cold: init !== null,
    status: rec.status === undefined ? 'success' : requireStatus(rec.status, 'status'),
    label: optionalString(rec.label, 'label'),
    confidence: optionalNumber(rec.confidence, 'confidence'),
    // A table saved as JSON keeps its compositions (the records' own names: kind, causedBy).
    composition: rec.composition === undefined || rec.composition === null ? null : requireComposition(rec.composition, 'composition'),
    caused_by: rec.causedBy !== undefined ? optionalString(rec.causedBy, 'causedBy') : optionalString(rec.caused_by, 'caused_by'),
    components: optionalNumber(rec.components, 'components'),
    source: ctx.source,
  };
}

/**
 * Converts the parsed array in place order; each element is released once converted so the
 * parsed objects and the rows are never both fully alive (1M records stay well under 1 GB).
 */
export function flatRows(records: unknown[], ctx: FileContext, out: Activation[]): void {
  for (let i = 0; i < records.length; i++) {
    try {
      out.push(flatRow(records[i], ctx));
    } catch (error) {
      rejectRecord(ctx, `[${i}]`, error);
    }
    records[i] = undefined;
  }
}
