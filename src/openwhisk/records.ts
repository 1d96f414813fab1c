// Getting activation records after the fact. Reads are idempotent, so they are retried freely:
// 404 while the activation store lags behind the invoker, connection failures, 5xx.
import { pollDelay, sleep } from './backoff.js';
import { fetchActivation, listActivations, type OwRecord, type Whisk } from './client.js';

/** Polls GET /activations/{id} until the record is there or `budgetMs` has passed. */
export async function fetchRecord(whisk: Whisk, activationId: string, budgetMs: number): Promise<OwRecord | null> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 0; ; attempt++) {
    const answer = await fetchActivation(whisk, activationId);
    if (answer.kind === 'record') return answer.record;
    if (Date.now() >= deadline) return null;
    await sleep(Math.min(pollDelay(attempt), Math.max(0, deadline - Date.now())));
  }
}

/**
 * Finds activations of `action` that no trial has claimed yet: the invocations whose replies were
 * lost. Polls (the store lags) until `wanted` turn up or `settleMs` passes; returns them oldest
 * first, so that when more turn up than wanted (warm-up calls of an interrupted batch), the
 * caller can take the newest.
 */
export async function findUnclaimed(
  whisk: Whisk,
  action: string,
  since: number,
  claimed: ReadonlySet<string>,
  wanted: number,
  settleMs: number,
): Promise<OwRecord[]> {
  const deadline = Date.now() + settleMs;
  let found: OwRecord[] = [];
  for (let attempt = 0; ; attempt++) {
    const listed = await listActivations(whisk, action, since);
    if (listed) {
      found = listed.filter((record) => !claimed.has(record.activationId)).sort(byStart);
      if (found.length >= wanted) return found;
    }
    if (Date.now() >= deadline) return found;
    await sleep(Math.min(pollDelay(attempt), Math.max(0, deadline - Date.now())));
  }
}

function byStart(a: OwRecord, b: OwRecord): number {
  return Number(a.start ?? 0) - Number(b.start ?? 0);
}

/** A trial's outcome from its record: the `wasm:0.1` runtime reports function errors inside a "success". */
export function outcomeOfRecord(record: OwRecord): 'ok' | 'error' {
  const response = record.response as { status?: unknown; success?: unknown; result?: { success?: unknown } } | undefined;
  if (!response || response.status !== 'success') return 'error';
  if (response.result && typeof response.result === 'object' && response.result.success === false) return 'error';
  return 'ok';
}

/** initTime from the record's annotations, or null on a warm activation. */
export function initTimeOf(record: Record<string, unknown>): number | null {
  return numericAnnotation(record, 'initTime');
}

/** waitTime from the record's annotations (controller receipt → /init or /run), or null. */
export function waitTimeOf(record: Record<string, unknown>): number | null {
  return numericAnnotation(record, 'waitTime');
}

function numericAnnotation(record: Record<string, unknown>, key: string): number | null {
  const annotations = Array.isArray(record.annotations) ? (record.annotations as { key?: unknown; value?: unknown }[]) : [];
  const value = annotations.find((entry) => entry?.key === key)?.value;
  return typeof value === 'number' ? value : null;
}
