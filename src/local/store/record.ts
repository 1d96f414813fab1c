// The activation record exactly as OpenWhisk serializes it (`toExtendedJson`, keys in spray's
// alphabetical order), the list view's summary, and the internal status codes.
import type { ActionLimits, KeyValue } from './actionSchema.js';

/** ActivationResult status codes: 0 success, 1 application error, 2 developer error, 3 whisk error. */
export type StatusCode = 0 | 1 | 2 | 3;

export const STATUS_NAMES: Record<StatusCode, string> = {
  0: 'success',
  1: 'application error',
  2: 'action developer error',
  3: 'whisk internal error',
};

export interface ActivationResponse {
  result: Record<string, unknown>;
  size?: number;
  status: string;
  success: boolean;
}

export interface ActivationRecord {
  activationId: string;
  annotations: KeyValue[];
  /** The enclosing sequence's activation id, on its components only. */
  cause?: string;
  /** Absent on trigger activations, whose `end` is the epoch (WA:100-110 drops both). */
  duration?: number;
  end?: number;
  logs: string[];
  name: string;
  namespace: string;
  publish: false;
  response: ActivationResponse;
  start: number;
  subject: string;
  version: string;
}

/** The list view without `docs=true` (CouchDB view `summarize()`): no response, no logs. */
export interface ActivationSummary {
  activationId: string;
  annotations: KeyValue[];
  cause?: string;
  duration?: number;
  end?: number;
  name: string;
  namespace: string;
  publish: false;
  start: number;
  statusCode?: StatusCode;
  version: string;
}

/** What happened, in intervals of epoch ms, from request receipt to the end of /run. */
export interface ActivationTimeline {
  receivedAt: number;
  /** The /init call, on a cold start only. */
  init?: { start: number; end: number };
  /** The /run call; absent when init failed or no container could be made. */
  run?: { start: number; end: number };
  /** When the activation ended without init or run (container creation failed). */
  failedAt?: number;
}

export interface RecordInput {
  activationId: string;
  namespace: string;
  subject: string;
  action: { name: string; path: string; version: string; kind: string; limits: ActionLimits };
  timeline: ActivationTimeline;
  statusCode: StatusCode;
  result: Record<string, unknown>;
  size?: number;
  timedOut: boolean;
  logs: string[];
}

/**
 * Builds the record as the invoker does (ContainerProxy `initializeAndRun` and
 * `constructWhiskActivation`): on a cold start `start` moves back by initTime, so
 * `duration = initTime + run` and `end − start = duration`; waitTime ends where /init (or /run)
 * starts; initTime is present only when /init ran.
 */
export function buildRecord(input: RecordInput): ActivationRecord {
  const { timeline: t } = input;
  const initTime = t.init ? t.init.end - t.init.start : undefined;
  let start: number;
  let end: number;
  if (t.run) {
    start = t.run.start - (initTime ?? 0);
    end = t.run.end;
  } else if (t.init) {
    start = t.init.start;
    end = t.init.end;
  } else {
    start = end = t.failedAt ?? t.receivedAt;
  }
  const waitStart = t.init?.start ?? t.run?.start ?? t.failedAt ?? t.receivedAt;
  const annotations: KeyValue[] = [
    { key: 'path', value: input.action.path },
    { key: 'waitTime', value: Math.max(0, waitStart - t.receivedAt) },
    { key: 'kind', value: input.action.kind },
    { key: 'timeout', value: input.timedOut },
    { key: 'limits', value: { ...input.action.limits } },
  ];
  if (initTime !== undefined) annotations.push({ key: 'initTime', value: initTime });
  return {
    activationId: input.activationId,
    annotations,
    duration: end - start,
    end,
    logs: input.logs,
    name: input.action.name,
    namespace: input.namespace,
    publish: false,
    response: {
      result: input.result,
      ...(input.size !== undefined ? { size: input.size } : {}),
      status: STATUS_NAMES[input.statusCode],
      success: input.statusCode === 0,
    },
    start,
    subject: input.subject,
    version: input.action.version,
  };
}

export function statusCodeOf(record: ActivationRecord): StatusCode {
  const entry = Object.entries(STATUS_NAMES).find(([, name]) => name === record.response.status);
  return Number(entry?.[0] ?? 3) as StatusCode;
}

export function summarize(record: ActivationRecord): ActivationSummary {
  return {
    activationId: record.activationId,
    annotations: record.annotations,
    ...(record.cause !== undefined ? { cause: record.cause } : {}),
    ...(record.end !== undefined ? { duration: record.end - record.start, end: record.end } : {}),
    name: record.name,
    namespace: record.namespace,
    publish: false,
    start: record.start,
    // The view leaves statusCode out when there is no end (trigger activations).
    ...(record.end !== undefined ? { statusCode: statusCodeOf(record) } : {}),
    version: record.version,
  };
}
