// /namespaces/{ns}/rules[/{name}]: list, get (with the status kept on the trigger), put (trigger
// and action must exist, 400 otherwise; a new rule is active), POST {status} = enable/disable,
// delete (the rule leaves its trigger's rules map). Rules.scala.
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import { rulePutSchema, type EntityRef, type WhiskRule } from '../store/rules.js';
import type { RuleStatus } from '../store/triggers.js';
import type { WhiskContext } from './context.js';
import { booleanParam, pageParams } from './query.js';
import { findAction, qualify, splitFullyQualified } from './resolve.js';

const RULE_BODY_LIMIT = 64 * 1024;

export function listRules(ctx: WhiskContext, ex: Exchange): void {
  const { skip, limit } = pageParams(ex.url.searchParams, 'rules');
  const all = ctx.rules.list();
  if (booleanParam(ex.url.searchParams, 'count')) return sendJson(ex, 200, { rules: all.length });
  // listCollectionInNamespace(includeDocs = true) writes WhiskRule itself: no status in a list.
  sendJson(ex, 200, all.slice(skip, skip + limit));
}

export function getRule(ctx: WhiskContext, ex: Exchange, name: string): void {
  sendJson(ex, 200, withStatus(ctx, existing(ctx, name)));
}

export async function putRule(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const overwrite = booleanParam(ex.url.searchParams, 'overwrite');
  const parsed = rulePutSchema.safeParse((await readJsonBody(ex.req, RULE_BODY_LIMIT, 'Rule')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, messages.malformedRequest(`${issue.path.join('.')}: ${issue.message}`));
  }
  const body = parsed.data;
  const old = ctx.rules.get(name);
  if (!old && (body.trigger === undefined || body.action === undefined)) throw new HttpError(400, messages.ruleNeedsTriggerAndAction);
  const trigger = body.trigger !== undefined ? reference(ctx, body.trigger) : old!.trigger;
  const action = body.action !== undefined ? reference(ctx, body.action) : old!.action;
  // Rules.scala checkTriggerAndActionExist, rejected as 400 with the exception's message.
  if (trigger.path !== ctx.namespace || !ctx.triggers.get(trigger.name)) throw new HttpError(400, messages.ruleTriggerDoesNotExist(`/${trigger.path}/${trigger.name}`));
  const [ns, ...pkg] = action.path.split('/');
  if (!findAction(ctx, ns!, [...pkg, action.name].join('/'))) throw new HttpError(400, messages.ruleActionDoesNotExist(`/${action.path}/${action.name}`));
  const status: RuleStatus = old ? statusOf(ctx, old) : 'active';
  const rule = ctx.rules.put(name, body, { trigger, action }, overwrite);
  if (old && old.trigger.name !== trigger.name) ctx.triggers.setRule(old.trigger.name, ruleKey(ctx, name), undefined);
  link(ctx, rule, status);
  sendJson(ex, 200, withStatus(ctx, rule));
}

/** POST {status: 'active'|'inactive'}: what the client's rules.enable/disable send. */
export async function setRuleStatus(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const body = (await readJsonBody(ex.req, RULE_BODY_LIMIT, 'Request')) as { status?: unknown } | undefined;
  const rule = existing(ctx, name);
  if (body?.status !== 'active' && body?.status !== 'inactive') throw new HttpError(400, messages.ruleStatusInvalid);
  if (!ctx.triggers.get(rule.trigger.name)) throw new HttpError(404, messages.ruleTriggerMissing);
  link(ctx, rule, body.status);
  // Rules.scala activate: `complete(OK)`, akka's plain-text "OK".
  ex.res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Length': 2, 'X-Request-ID': ex.tid }).end('OK');
}

export function deleteRule(ctx: WhiskContext, ex: Exchange, name: string): void {
  const rule = existing(ctx, name);
  const shown = { ...withStatus(ctx, rule), status: 'inactive' as RuleStatus }; // remove: completeAsRuleResponse(rule, INACTIVE)
  ctx.triggers.setRule(rule.trigger.name, ruleKey(ctx, name), undefined);
  ctx.rules.delete(name);
  sendJson(ex, 200, shown);
}

function existing(ctx: WhiskContext, name: string): WhiskRule {
  const rule = ctx.rules.get(name);
  if (!rule) throw new HttpError(404, messages.resourceDoesNotExist);
  return rule;
}

/** `/ns/name` or `/ns/pkg/name` → {namespace: 'ns' or 'ns/pkg', name}. */
function reference(ctx: WhiskContext, fqn: string): EntityRef {
  const parts = splitFullyQualified(qualify(ctx, fqn))!;
  const slash = parts.name.lastIndexOf('/');
  return slash < 0
    ? { path: parts.namespace, name: parts.name }
    : { path: `${parts.namespace}/${parts.name.slice(0, slash)}`, name: parts.name.slice(slash + 1) };
}

function ruleKey(ctx: WhiskContext, name: string): string {
  return `${ctx.namespace}/${name}`;
}

function link(ctx: WhiskContext, rule: WhiskRule, status: RuleStatus): void {
  ctx.triggers.setRule(rule.trigger.name, ruleKey(ctx, rule.name), { action: { name: rule.action.name, path: rule.action.path }, status });
}

function statusOf(ctx: WhiskContext, rule: WhiskRule): RuleStatus {
  return ctx.triggers.get(rule.trigger.name)?.rules?.[ruleKey(ctx, rule.name)]?.status ?? 'inactive';
}

/** WhiskRuleResponse: the rule with its status (Rules.scala completeAsRuleResponse). */
function withStatus(ctx: WhiskContext, rule: WhiskRule): WhiskRule & { status: RuleStatus } {
  const { updated, ...rest } = rule;
  return { ...rest, status: statusOf(ctx, rule), updated };
}
