// /namespaces/{ns}/triggers[/{name}]: list, get, put, delete, and POST = fire (Triggers.scala
// activate): with no active rule, 204 and no record; otherwise a trigger activation (payload as
// its result, no `end`/`duration`, one JSON log line per rule) and a non-blocking activation of
// each active rule's action with the trigger's parameters under the payload; 202 {activationId}.
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { newActivationId } from '../ids.js';
import { messages } from '../messages.js';
import type { ActivationRecord } from '../store/record.js';
import { triggerPutSchema, type WhiskTrigger } from '../store/triggers.js';
import { activate, toObject } from './activate.js';
import type { WhiskContext } from './context.js';
import { booleanParam, pageParams } from './query.js';
import { findAction } from './resolve.js';

const TRIGGER_BODY_LIMIT = 1024 * 1024;

export function listTriggers(ctx: WhiskContext, ex: Exchange): void {
  const { skip, limit } = pageParams(ex.url.searchParams, 'triggers');
  const all = ctx.triggers.list();
  if (booleanParam(ex.url.searchParams, 'count')) return sendJson(ex, 200, { triggers: all.length });
  // The `triggers` view: no parameters, limits or rules in a list.
  sendJson(ex, 200, all.slice(skip, skip + limit).map(({ namespace, name, version, publish, annotations, updated }) => ({ namespace, name, version, publish, annotations, updated })));
}

export function getTrigger(ctx: WhiskContext, ex: Exchange, name: string): void {
  const trigger = ctx.triggers.get(name);
  if (!trigger) throw new HttpError(404, messages.resourceDoesNotExist);
  sendJson(ex, 200, trigger);
}

export async function putTrigger(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const overwrite = booleanParam(ex.url.searchParams, 'overwrite');
  const parsed = triggerPutSchema.safeParse((await readJsonBody(ex.req, TRIGGER_BODY_LIMIT, 'Trigger')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, messages.malformedRequest(`${issue.path.join('.')}: ${issue.message}`));
  }
  sendJson(ex, 200, ctx.triggers.put(name, parsed.data, overwrite));
}

export function deleteTrigger(ctx: WhiskContext, ex: Exchange, name: string): void {
  sendJson(ex, 200, ctx.triggers.delete(name));
}

export async function fireTrigger(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const body = await readJsonBody(ex.req, TRIGGER_BODY_LIMIT, 'Request');
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw new HttpError(400, messages.malformedRequest('the payload must be a JSON object'));
  }
  const trigger = ctx.triggers.get(name);
  if (!trigger) throw new HttpError(404, messages.resourceDoesNotExist);
  const record = fire(ctx, trigger, (body ?? {}) as Record<string, unknown>, ex.tid);
  if (!record) return void ex.res.writeHead(204, { 'X-Request-ID': ex.tid }).end();
  sendJson(ex, 202, { activationId: record.activationId }, { 'x-openwhisk-activation-id': record.activationId });
}

/** Fires `trigger` (also used by the alarm feed); undefined when no rule is active. */
export function fire(ctx: WhiskContext, trigger: WhiskTrigger, payload: Record<string, unknown>, transactionId: string): ActivationRecord | undefined {
  const rules = Object.entries(trigger.rules ?? {});
  if (!rules.some(([, rule]) => rule.status === 'active')) return undefined;
  const args = { ...toObject(trigger.parameters), ...payload };
  const receivedAt = Date.now();
  const logs = rules.map(([ruleName, rule]) => {
    const action = `${rule.action.path}/${rule.action.name}`;
    const entry = (statusCode: number, outcome: { activationId: string } | { error: string }) =>
      JSON.stringify({ statusCode, success: statusCode === 0, ...outcome, rule: ruleName, action });
    if (rule.status !== 'active') return entry(1, { error: messages.triggerWithInactiveRule(ruleName, action) });
    const [namespace, ...pkg] = rule.action.path.split('/');
    const target = findAction(ctx, namespace!, [...pkg, rule.action.name].join('/'));
    if (!target) return entry(1, { error: messages.resourceDoesNotExist });
    const refused = ctx.throttle.check();
    if (refused) return entry(1, { error: refused });
    const { activationId } = activate(ctx, { target, payload: args, receivedAt, transactionId });
    return entry(0, { activationId });
  });
  const record: ActivationRecord = {
    activationId: newActivationId(),
    annotations: [],
    logs,
    name: trigger.name,
    namespace: ctx.namespace,
    publish: false,
    response: { result: payload, status: 'success', success: true },
    start: receivedAt,
    subject: ctx.namespace,
    version: trigger.version,
  };
  ctx.activations.put(record);
  return record;
}
