// /namespaces/{ns}/actions and /actions/{name} or /actions/{pkg}/{name}: list, get, put, delete.
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import { actionPutSchema } from '../store/actionSchema.js';
import { actionJson } from '../store/actions.js';
import type { WhiskContext } from './context.js';
import { booleanParam, pageParams } from './query.js';

/** exec-size-limit is 48 MB; the rest of the body is small. */
const ACTION_BODY_LIMIT = 48 * 1024 * 1024 + 64 * 1024;

export function listActions(ctx: WhiskContext, ex: Exchange): void {
  const { skip, limit } = pageParams(ex.url.searchParams, 'actions');
  const all = ctx.actions.list();
  if (booleanParam(ex.url.searchParams, 'count')) return sendJson(ex, 200, { actions: all.length });
  sendJson(ex, 200, all.slice(skip, skip + limit).map((a) => actionJson(a, false)));
}

export function getAction(ctx: WhiskContext, ex: Exchange, name: string): void {
  const action = ctx.actions.get(name);
  if (!action) throw new HttpError(404, messages.resourceDoesNotExist);
  sendJson(ex, 200, actionJson(action, booleanParam(ex.url.searchParams, 'code', true)));
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
  sendJson(ex, 200, ctx.actions.put(name, parsed.data, overwrite));
}

export function deleteAction(ctx: WhiskContext, ex: Exchange, name: string): void {
  sendJson(ex, 200, ctx.actions.delete(name));
}
