// A sequence activation as SequenceActions.scala makes it: components run one after another,
// each blocking, the result of one the input of the next (over the component's own parameters);
// a result with an `error` field stops the sequence. The sequence's record: `logs` are the
// component activation ids, `duration` the sum of their durations, `response` the last one's,
// annotations topmost/path/kind (+causedBy when nested)/limits (the largest component memory),
// and `cause` only when nested (OW:core/controller/.../actions/SequenceActions.scala
// makeSequenceActivation, SequenceAccounting).
import { messages } from '../messages.js';
import type { KeyValue } from '../store/actionSchema.js';
import type { ActivationRecord, ActivationResponse } from '../store/record.js';
import type { ActivationRequest, Started } from './activate.js';
import type { WhiskContext } from './context.js';
import { findFullyQualified } from './resolve.js';

/** whisk.actionSequence.maxLimit (WhiskConfig actionSequenceMaxLimit, default 50). */
export const SEQUENCE_LIMIT = 50;

export interface SequenceRequest extends ActivationRequest {
  /** Atomic actions run so far under the topmost sequence (shared with nested ones). */
  atomic?: { count: number };
}

type Start = (ctx: WhiskContext, request: SequenceRequest) => Started;

export async function runSequence(ctx: WhiskContext, activationId: string, request: SequenceRequest, start: Start): Promise<ActivationRecord> {
  const { action } = request.target;
  const topmost = request.cause === undefined;
  const atomic = request.atomic ?? { count: 0 };
  const begin = Date.now();
  const logs: string[] = [];
  let duration = 0;
  let maxMemory: number | undefined;
  let input: Record<string, unknown> = { ...toObject(request.target.parameters), ...request.payload };
  let response: ActivationResponse = success(input);

  for (const component of action.exec.components ?? []) {
    const target = findFullyQualified(ctx, component);
    if (!target) {
      response = applicationError(messages.sequenceComponentNotFound);
      break;
    }
    if (target.action.exec.kind !== 'sequence' && atomic.count >= SEQUENCE_LIMIT) {
      response = applicationError(messages.sequenceIsTooLong);
      break;
    }
    if (target.action.exec.kind !== 'sequence') atomic.count += 1;
    // Each component is a request of its own: its waitTime starts when the sequence sends it.
    const child = start(ctx, { ...request, target, payload: input, cause: activationId, atomic, receivedAt: Date.now() });
    const record = await child.finished.catch(() => undefined);
    if (!record) {
      // invokeNextAction's recover: any failure of a component is a whisk error of the sequence.
      response = { result: { error: messages.sequenceActivationFailure }, status: 'whisk internal error', success: false };
      break;
    }
    logs.push(record.activationId);
    duration += record.duration ?? 0;
    const memory = limitsMemory(record);
    if (memory !== undefined) maxMemory = Math.max(maxMemory ?? 0, memory);
    response = record.response;
    const result = record.response.result as unknown;
    if (!record.response.success || hasError(result)) break;
    input = isObject(result) ? result : {};
  }

  const annotations: KeyValue[] = [
    { key: 'topmost', value: topmost },
    { key: 'path', value: `${action.namespace}/${action.name}` },
    { key: 'kind', value: 'sequence' },
  ];
  if (!topmost) annotations.push({ key: 'causedBy', value: 'sequence' });
  if (maxMemory !== undefined) {
    annotations.push({ key: 'limits', value: { concurrency: action.limits.concurrency, logs: action.limits.logs, memory: maxMemory, timeout: action.limits.timeout } });
  }
  return {
    activationId,
    annotations,
    ...(topmost ? {} : { cause: request.cause! }),
    duration,
    end: Date.now(),
    logs,
    name: action.name,
    namespace: ctx.namespace,
    publish: false,
    response,
    start: begin,
    subject: ctx.namespace,
    version: action.version,
  };
}

function limitsMemory(record: ActivationRecord): number | undefined {
  const limits = record.annotations.find((a) => a.key === 'limits')?.value;
  return isObject(limits) && typeof limits.memory === 'number' ? limits.memory : undefined;
}

function hasError(result: unknown): boolean {
  return isObject(result) && 'error' in result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toObject(parameters: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(parameters.map((p) => [p.key, p.value]));
}

function success(result: Record<string, unknown>): ActivationResponse {
  return { result, status: 'success', success: true };
}

function applicationError(error: string): ActivationResponse {
  return { result: { error }, status: 'application error', success: false };
}
