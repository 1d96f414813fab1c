// /namespaces/{ns}/activations, /activations/{id}, /{id}/result, /{id}/logs. A record that is
// not stored yet (or still inside the store lag) is a 404, as in OpenWhisk.
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { isActivationId } from '../ids.js';
import { messages } from '../messages.js';
import type { ActivationRecord } from '../store/record.js';
import type { WhiskContext } from './context.js';
import { booleanParam, integerParam, pageParams } from './query.js';

export function listActivations(ctx: WhiskContext, ex: Exchange): void {
  const query = ex.url.searchParams;
  const name = query.get('name') ?? undefined;
  if (name !== undefined && !/^[^/]+(\/[^/]+)?$/.test(name)) throw new HttpError(400, messages.badNameFilter(name));
  const since = epochParam(query, 'since');
  const upto = epochParam(query, 'upto');
  const docs = booleanParam(query, 'docs');
  const filters = { ...(name ? { name } : {}), ...(since !== undefined ? { since } : {}), ...(upto !== undefined ? { upto } : {}) };
  if (booleanParam(query, 'count')) {
    if (docs) throw new HttpError(400, messages.docsNotAllowedWithCount);
    return sendJson(ex, 200, { activations: ctx.activations.count(filters) });
  }
  sendJson(ex, 200, ctx.activations.list({ ...filters, ...pageParams(query, 'activations'), docs }));
}

export function getActivation(ctx: WhiskContext, ex: Exchange, id: string, part?: string): void {
  const record = findRecord(ctx, id);
  if (part === 'result') return sendJson(ex, 200, record.response);
  if (part === 'logs') return sendJson(ex, 200, { logs: record.logs });
  sendJson(ex, 200, record);
}

function findRecord(ctx: WhiskContext, id: string): ActivationRecord {
  if (!isActivationId(id)) throw new HttpError(400, messages.activationIdIllegal);
  const record = ctx.activations.get(id);
  if (!record) throw new HttpError(404, messages.resourceDoesNotExist);
  return record;
}

function epochParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new HttpError(400, messages.badEpoch(value));
  return integerParam(query, name, 'activations');
}
