// Starts one activation of a resolved action: a primitive one through the invoker, a sequence
// through ./sequence.ts. The record is stored when it finishes; `finished` gives it to blocking
// callers. Components carry `cause` (the sequence's id) and the `causedBy: sequence` annotation,
// bound actions the `binding` annotation (OPENWHISK.md §1.4; WA:137-146; CP:1074-1079).
import { newActivationId } from '../ids.js';
import type { KeyValue } from '../store/actionSchema.js';
import type { Builtin } from '../catalog/builtin.js';
import { buildRecord, type ActivationRecord } from '../store/record.js';
import type { WhiskContext } from './context.js';
import type { ResolvedAction } from './resolve.js';
import { runSequence } from './sequence.js';

export interface ActivationRequest {
  target: ResolvedAction;
  /** The caller's payload; merged over the target's parameters. */
  payload: Record<string, unknown>;
  receivedAt: number;
  transactionId: string;
  /** Set for sequence components: the enclosing sequence's activation id. */
  cause?: string;
}

export interface Started {
  activationId: string;
  finished: Promise<ActivationRecord>;
}

export function activate(ctx: WhiskContext, request: ActivationRequest): Started {
  const activationId = newActivationId();
  const finished =
    request.target.action.exec.kind === 'sequence'
      ? runSequence(ctx, activationId, request, activate)
      : runPrimitive(ctx, activationId, request);
  const stored = finished.then((record) => {
    ctx.activations.put(record);
    return record;
  });
  ctx.running.add(stored);
  void stored.finally(() => ctx.running.delete(stored)).catch(() => undefined);
  return { activationId, finished: stored };
}

async function runPrimitive(ctx: WhiskContext, activationId: string, request: ActivationRequest): Promise<ActivationRecord> {
  const { target } = request;
  const params = { ...toObject(target.parameters), ...request.payload };
  const builtin = ctx.builtins.get(`${target.action.namespace}/${target.action.name}`);
  const record = builtin
    ? await runBuiltin(ctx, activationId, request, builtin, params)
    : await ctx.throttle.track(
        ctx.invoker.invoke({ activationId, transactionId: request.transactionId, action: target.action, params, receivedAt: request.receivedAt }),
      );
  const extra: KeyValue[] = [];
  if (request.cause !== undefined) extra.push({ key: 'causedBy', value: 'sequence' });
  if (target.binding !== undefined) extra.push({ key: 'binding', value: target.binding });
  const annotated = { ...record, annotations: [...record.annotations, ...extra] };
  return request.cause === undefined ? annotated : withCause(annotated, request.cause);
}

/** A catalog action that runs in the server: its record is a warm one (no container, no init). */
async function runBuiltin(ctx: WhiskContext, activationId: string, request: ActivationRequest, builtin: Builtin, params: Record<string, unknown>): Promise<ActivationRecord> {
  const { action } = request.target;
  const start = Date.now();
  const answer = await builtin(params);
  return buildRecord({
    activationId,
    namespace: ctx.namespace,
    subject: ctx.namespace,
    action: { name: action.name, path: `${action.namespace}/${action.name}`, version: action.version, kind: action.exec.kind, limits: action.limits },
    timeline: { receivedAt: request.receivedAt, run: { start, end: Date.now() } },
    statusCode: answer.statusCode,
    result: answer.result,
    timedOut: false,
    logs: [],
  });
}

/** The record with `cause` in the place spray's sorted keys put it (after `annotations`). */
export function withCause(record: ActivationRecord, cause: string): ActivationRecord {
  const { activationId, annotations, ...rest } = record;
  return { activationId, annotations, cause, ...rest };
}

export function toObject(parameters: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(parameters.map((p) => [p.key, p.value]));
}
