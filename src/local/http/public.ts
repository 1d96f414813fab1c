// The routes OpenWhisk serves without credentials. Every other request is authenticated before
// any of it (path segments, query, body) is looked at (issue 15), so this list stays short.
import { apiInfo, serverInfo } from '../api/info.js';
import type { WhiskContext } from '../api/context.js';
import { sendJson, type Exchange } from './exchange.js';
import { only } from './methods.js';

/** The unauthenticated answer for this request, or undefined when it needs credentials. */
export function publicRoute(ctx: WhiskContext, ex: Exchange): (() => void | Promise<void>) | undefined {
  const method = ex.req.method ?? 'GET';
  const path = ex.url.pathname;
  if (path === '/') return () => only(method, { GET: () => sendJson(ex, 200, serverInfo(ctx.config)) });
  if (path === '/api/v1' || path === '/api/v1/') return () => only(method, { GET: () => sendJson(ex, 200, apiInfo()) });
  // Web actions (/api/v1/web/{namespace}/{package}/{action}.{extension}) are public in OpenWhisk
  // too: their route belongs here, before authentication.
  return undefined;
}
