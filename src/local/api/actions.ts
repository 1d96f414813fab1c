// /namespaces/{ns}/actions and /actions/{name} or /actions/{pkg}/{name}: list, get, put, delete.
// `pkg/name` needs the package (404 otherwise; a binding refuses new actions), and a GET through a
// package shows the inherited parameters (Actions.scala mergeActionWithPackageAndDispatch).
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import { actionPutSchema, type ActionPut } from '../store/actionSchema.js';
import { actionJson } from '../store/actions.js';
import { isBinding } from '../store/packages.js';
import type { WhiskContext } from './context.js';
import { booleanParam, pageParams } from './query.js';
import { entitiesOf, resolveAction } from './resolve.js';
import { checkSequence } from './sequence-check.js';

/** exec-size-limit is 48 MB; the rest of the body is small. */
const ACTION_BODY_LIMIT = 48 * 1024 * 1024 + 64 * 1024;

export function listActions(ctx: WhiskContext, ex: Exchange, namespace = '_'): void {
  const { skip, limit } = pageParams(ex.url.searchParams, 'actions');
  const entities = entitiesOf(ctx, namespace);
  // Another namespace shows only the actions of its published packages.
  const shown = (a: { namespace: string }) => entities !== ctx.system || entities.packages.get(a.namespace.split('/')[1] ?? '')?.publish === true;
  const all = (entities?.actions.list() ?? []).filter(shown);
  if (booleanParam(ex.url.searchParams, 'count')) return sendJson(ex, 200, { actions: all.length });
  sendJson(ex, 200, all.slice(skip, skip + limit).map((a) => actionJson(a, false)));
}

export function getAction(ctx: WhiskContext, ex: Exchange, name: string, namespace = '_'): void {
  const { action, parameters } = resolveAction(ctx, namespace, name);
  sendJson(ex, 200, actionJson({ ...action, parameters }, booleanParam(ex.url.searchParams, 'code', true)));
}

export async function putAction(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const overwrite = booleanParam(ex.url.searchParams, 'overwrite');
  const raw = await readJsonBody(ex.req, ACTION_BODY_LIMIT, 'Action');
  const parsed = actionPutSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new HttpError(400, messages.malformedRequest(`${where}${issue.message}`));
  }
  checkPackage(ctx, name);
  const body: ActionPut = parsed.data.exec?.kind === 'sequence' ? { ...parsed.data, exec: checkSequence(ctx, name, parsed.data.exec) } : parsed.data;
  sendJson(ex, 200, ctx.actions.put(name, body, overwrite));
}

export function deleteAction(ctx: WhiskContext, ex: Exchange, name: string): void {
  sendJson(ex, 200, actionJson(ctx.actions.delete(name)));
}

function checkPackage(ctx: WhiskContext, name: string): void {
  const slash = name.indexOf('/');
  if (slash < 0) return;
  const pkg = ctx.packages.get(name.slice(0, slash));
  if (!pkg) throw new HttpError(404, messages.resourceDoesNotExist);
  if (isBinding(pkg)) throw new HttpError(400, messages.notAllowedOnBinding);
}
