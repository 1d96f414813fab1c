// One trial: one blocking invoke and what it takes to get its answer. A 429 (refused before any
// activation exists) and a 5xx without an activation id (the controller refused it) are sent
// again after a jittered backoff within the retry budget; a 202 is followed by polling the
// activation; a failed connection or a reply that never came is NOT sent again: its fate is
// settled after the batch by looking the activation up (see reconcile.ts).
import type { RetryPolicy } from './experiment.js';
import { preciseNow } from './arrivals.js';
import { backoffDelay, sleep } from './backoff.js';
import { invokeBlocking, type InvokeAnswer, type OwRecord, type Whisk } from './client.js';
import type { PlannedTrial } from './plan.js';
import { fetchRecord, outcomeOfRecord } from './records.js';
import type { TrialLine } from './runlog.js';

export interface TrialSettings {
  whisk: Whisk;
  params: Record<string, unknown>;
  retry: RetryPolicy;
  timeoutMs: number;
  random?: () => number;
}

export interface TrialAnswer {
  line: TrialLine;
  /** The record the reply carried (200/502/500) or the 202 poll found. */
  record: OwRecord | null;
  /** The invocation may exist but the driver does not know its id: look it up. */
  unsettled: boolean;
  /** A call abandoned at its timeout that may still answer. */
  late: Promise<InvokeAnswer> | null;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Runs one trial. Open loop: `plannedAt` is when the dispatcher (arrivals.ts) was to send it, it
 * calls this at that moment, and latency counts from `plannedAt` (a late send is the driver's
 * delay, not the server's speed); both times are logged, at sub-millisecond resolution.
 */
export async function runTrial(
  settings: TrialSettings,
  planned: PlannedTrial,
  action: string,
  plannedCold: boolean,
  plannedAt: number | null,
): Promise<TrialAnswer> {
  const now = plannedAt === null ? Date.now : preciseNow;
  const sentAt = now();
  const latencyFrom = plannedAt ?? sentAt;
  const line: TrialLine = {
    type: 'trial', trial: planned.trial, runtime: planned.runtime, concurrency: planned.concurrency,
    repetition: planned.repetition, index: planned.index, sent_at: sentAt, ...(plannedAt === null ? {} : { planned_at: plannedAt }),
    client_ms: null, http_status: null, activation_id: null, outcome: 'lost', action, planned_cold: plannedCold, retries: 0, backoff_ms: 0,
  };
  for (;;) {
    const attemptStart = Date.now();
    const call = invokeBlocking(settings.whisk, action, settings.params);
    const answer = await raceTimeout(call, settings.timeoutMs);
    const answeredAt = now();
    if (answer === TIMED_OUT) {
      const late = call.catch((): InvokeAnswer => ({ kind: 'unknown', message: 'abandoned call failed' }));
      return { line: { ...line, outcome: 'timeout' }, record: null, unsettled: true, late };
    }
    switch (answer.kind) {
      case 'record':
        return {
          line: { ...line, client_ms: answeredAt - latencyFrom, http_status: answer.status, activation_id: answer.record.activationId, outcome: outcomeOfRecord(answer.record) },
          record: answer.record, unsettled: false, late: null,
        };
      case 'accepted': {
        const remaining = settings.timeoutMs - (Date.now() - attemptStart);
        const record = remaining > 0 ? await fetchRecord(settings.whisk, answer.activationId, remaining) : null;
        const base = { ...line, http_status: 202, activation_id: answer.activationId, via: 'poll' as const };
        if (!record) return { line: { ...base, outcome: 'timeout' }, record: null, unsettled: false, late: null };
        return { line: { ...base, client_ms: now() - latencyFrom, outcome: outcomeOfRecord(record) }, record, unsettled: false, late: null };
      }
      case 'throttled':
      case 'refused': {
        const delay = backoffDelay(settings.retry, line.retries, line.backoff_ms, settings.random);
        if (delay === null) {
          const outcome = answer.kind === 'throttled' ? 'throttled' : 'error';
          return { line: { ...line, client_ms: answeredAt - latencyFrom, http_status: answer.status, outcome }, record: null, unsettled: false, late: null };
        }
        line.retries += 1;
        line.backoff_ms += delay;
        await sleep(delay);
        continue;
      }
      case 'unknown':
        return { line: { ...line, outcome: 'lost' }, record: null, unsettled: true, late: null };
    }
  }
}

async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
