// Maps a request to its handler. Paths are few and fixed, so a table of segment patterns on
// node:http is enough (no framework): /api/v1, /api/v1/namespaces[/{ns}/{collection}[/…]].
import { apiInfo, serverInfo } from '../api/info.js';
import { deleteAction, getAction, listActions, putAction } from '../api/actions.js';
import { getActivation, listActivations } from '../api/activations.js';
import { checkNamespaceAccess, routeCollection } from '../api/collections.js';
import type { WhiskContext } from '../api/context.js';
import { invokeAction } from '../api/invoke.js';
import { messages } from '../messages.js';
import { authenticate } from './auth.js';
import { HttpError, sendJson, type Exchange } from './exchange.js';
import { only, type Handler } from './methods.js';
import { decodeSegment, publicRoute } from './public.js';

/** OpenWhisk's entity name rule (EntityName.scala `\A([\w]|[\w][\w@ .-]*[\w@.-]+)\z`). */
const ENTITY_NAME = /^(\w|\w[\w@ .-]*[\w@.-]+)$/;

export async function route(ctx: WhiskContext, ex: Exchange): Promise<void> {
  const method = ex.req.method ?? 'GET';
  const open = publicRoute(ctx, ex);
  if (open) return open();
  authenticate(ex.req, ctx.auth);

  const segments = ex.url.pathname.split('/').filter(Boolean).map(decodeSegment);
  if (segments.length === 0) return only(method, { GET: () => sendJson(ex, 200, serverInfo(ctx.config, ctx.isolation)) });
  if (segments[0] !== 'api' || segments[1] !== 'v1') throw new HttpError(404, messages.resourceDoesNotExist);
  const rest = segments.slice(2);
  if (rest.length === 0) return only(method, { GET: () => sendJson(ex, 200, apiInfo()) });
  if (rest[0] !== 'namespaces') throw new HttpError(404, messages.resourceDoesNotExist);
  if (rest.length === 1) return only(method, { GET: () => sendJson(ex, 200, [ctx.namespace]) });
  const namespace = rest[1]!;
  const [collection, ...ids] = rest.slice(2);
  checkNamespaceAccess(ctx, method, namespace, collection);

  if (collection === 'actions') {
    if (ids.length === 0) return only(method, { GET: () => listActions(ctx, ex, namespace) });
    if (ids.length > 2 || !ids.every((id) => ENTITY_NAME.test(id) && id.length <= 256)) {
      throw new HttpError(400, messages.entityNameIllegal);
    }
    const name = ids.join('/');
    return only(method, {
      GET: () => getAction(ctx, ex, name, namespace),
      PUT: () => putAction(ctx, ex, name),
      DELETE: () => deleteAction(ctx, ex, name),
      POST: () => invokeAction(ctx, ex, name, namespace),
    });
  }
  if (collection === 'activations') {
    if (ids.length === 0) return only(method, { GET: () => listActivations(ctx, ex) });
    const [id, part, ...extra] = ids;
    if (extra.length > 0 || (part !== undefined && part !== 'result' && part !== 'logs')) {
      throw new HttpError(404, messages.resourceDoesNotExist);
    }
    return only(method, { GET: () => getActivation(ctx, ex, id!, part) });
  }
  const answered = routeCollection(ctx, ex, method, namespace, collection ?? '', ids);
  if (answered !== false) return answered;
  throw new HttpError(404, messages.resourceDoesNotExist);
}

