// Dispatch for the collections beyond actions and activations (packages, triggers, rules, limits)
// and the namespace access rule: the user's own namespace fully; whisk.system to read actions and
// packages and to invoke (its packages are published); any other namespace 403 as OpenWhisk's
// entitlement check answers (ErrorResponse `notAuthorizedtoOperateOnResource`).
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { WhiskContext } from './context.js';
import { namespaceLimits } from './limits.js';
import { deletePackage, getPackage, listPackages, putPackage } from './packages.js';
import { SYSTEM_NAMESPACE } from './resolve.js';
import { deleteRule, getRule, listRules, putRule, setRuleStatus } from './rules.js';
import { deleteTrigger, fireTrigger, getTrigger, listTriggers, putTrigger } from './triggers.js';

type Handler = () => void | Promise<void>;

/** OpenWhisk's entity name rule (EntityName.scala). */
const ENTITY_NAME = /^(\w|\w[\w@ .-]*[\w@.-]+)$/;

export function checkNamespaceAccess(ctx: WhiskContext, method: string, namespace: string, collection: string | undefined): void {
  if (namespace === '_' || namespace === ctx.namespace) return;
  const readable = collection === 'actions' || collection === 'packages';
  if (namespace === SYSTEM_NAMESPACE && readable && (method === 'GET' || (method === 'POST' && collection === 'actions'))) return;
  throw new HttpError(403, messages.notAuthorized);
}

/** Answers the request if `collection` is one of these; false when it is not. */
export function routeCollection(ctx: WhiskContext, ex: Exchange, method: string, namespace: string, collection: string, ids: string[]): false | void | Promise<void> {
  if (collection === 'limits' && ids.length === 0) return only(method, { GET: () => sendJson(ex, 200, namespaceLimits(ctx)) });
  if (collection !== 'packages' && collection !== 'triggers' && collection !== 'rules') return false;
  const [name, ...extra] = ids;
  if (name === undefined) {
    const list = { packages: listPackages, triggers: listTriggers, rules: listRules }[collection];
    return only(method, { GET: () => list(ctx, ex, namespace) });
  }
  if (extra.length > 0 || !ENTITY_NAME.test(name) || name.length > 256) throw new HttpError(400, messages.entityNameIllegal);
  if (collection === 'packages') {
    return only(method, {
      GET: () => getPackage(ctx, ex, namespace, name),
      PUT: () => putPackage(ctx, ex, name),
      DELETE: () => deletePackage(ctx, ex, name),
    });
  }
  if (collection === 'triggers') {
    return only(method, {
      GET: () => getTrigger(ctx, ex, name),
      PUT: () => putTrigger(ctx, ex, name),
      DELETE: () => deleteTrigger(ctx, ex, name),
      POST: () => fireTrigger(ctx, ex, name),
    });
  }
  return only(method, {
    GET: () => getRule(ctx, ex, name),
    PUT: () => putRule(ctx, ex, name),
    DELETE: () => deleteRule(ctx, ex, name),
    POST: () => setRuleStatus(ctx, ex, name),
  });
}

function only(method: string, handlers: Record<string, Handler>): void | Promise<void> {
  const handler = handlers[method];
  if (!handler) throw new HttpError(405, messages.methodNotAllowed + Object.keys(handlers).join(', '));
  return handler();
}
