// POST /namespaces/{ns}/actions/{name}: invoke, blocking or not, with OpenWhisk's answers
// (202 {activationId}; 200/502/500 with the record or its result; 429 when throttled).
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import { statusCodeOf, type ActivationRecord } from '../store/record.js';
import { activate } from './activate.js';
import type { WhiskContext } from './context.js';
import { resolveAction } from './resolve.js';
import { booleanParam } from './query.js';

/** activation.payload max: 1 MB. */
export const PAYLOAD_LIMIT_BYTES = 1024 * 1024;
const HTTP_BY_STATUS_CODE = [200, 502, 502, 500] as const;

export async function invokeAction(ctx: WhiskContext, ex: Exchange, name: string, namespace = '_'): Promise<void> {
  const faults = ctx.faults.nextInvoke();
  if (faults.latencyMs > 0) {
    // Network latency in front of the controller: the request "arrives" after it, so not in waitTime.
    await sleep(faults.latencyMs);
    ex.receivedAt = Date.now();
  }
  if (faults.drop === 'before') return void ex.req.socket.destroy();
  if (faults.throttle) throw new HttpError(429, messages.tooManyRequests(faults.index, faults.index - 1));
  if (faults.serverErrorStatus !== undefined) {
    throw new HttpError(faults.serverErrorStatus, faults.serverErrorStatus === 503 ? messages.serviceUnavailable : messages.internalServerError);
  }

  const query = ex.url.searchParams;
  const blocking = booleanParam(query, 'blocking');
  const resultOnly = booleanParam(query, 'result');
  const waitMs = blockingWait(query, ctx.config.blockingWaitMs);
  const body = await readJsonBody(ex.req, PAYLOAD_LIMIT_BYTES, 'Request');
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new HttpError(400, messages.malformedRequest('the payload must be a JSON object'));
  }
  const target = resolveAction(ctx, namespace, name);
  const refused = ctx.throttle.check();
  if (refused) throw new HttpError(429, refused);

  const payload = (body ?? {}) as Record<string, unknown>;
  const { activationId, finished } = activate(ctx, { target, payload, receivedAt: ex.receivedAt, transactionId: ex.tid });

  if (faults.drop === 'after') return void ex.req.socket.destroy();
  const idHeader = { 'x-openwhisk-activation-id': activationId };
  if (!blocking) return sendJson(ex, 202, { activationId }, idHeader);
  // Answer with the record only once it is stored: an acknowledged record survives a crash.
  const record = await within(finished, waitMs);
  if (!record) return sendJson(ex, 202, { activationId }, idHeader);
  // Blocking answers carry no logs: the active ack comes before log collection. A sequence's
  // record is made by the controller itself, so its logs (the component ids) stay. An array
  // result is the answer itself, with or without result=true (Actions.scala doInvoke).
  const status = HTTP_BY_STATUS_CODE[statusCodeOf(record)];
  const result: unknown = record.response.result;
  const answer = Array.isArray(result) ? result : resultOnly ? result : record.annotations.some(isSequenceKind) ? record : withoutLogs(record);
  sendJson(ex, status, answer, idHeader);
}

/** `timeout` must be an integer with 0 < ms <= the max blocking wait (400 otherwise). */
function blockingWait(query: URLSearchParams, maxMs: number): number {
  const value = query.get('timeout');
  if (value === null || value === '') return maxMs;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms <= 0 || ms > maxMs) throw new HttpError(400, messages.invalidTimeout(maxMs));
  return ms;
}

function isSequenceKind(annotation: { key: string; value: unknown }): boolean {
  return annotation.key === 'kind' && annotation.value === 'sequence';
}

function withoutLogs(record: ActivationRecord): ActivationRecord {
  return { ...record, logs: [] };
}

/** The activation's record if it finishes within `ms`, else undefined (the timer does not linger). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
