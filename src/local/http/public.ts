// The routes OpenWhisk serves without credentials. Every other request is authenticated before
// any of it (path segments, query, body) is looked at (issue 15), so this list stays short.
import { apiInfo, invokerHealth, serverInfo } from '../api/info.js';
import type { WhiskContext } from '../api/context.js';
import { serveRoute, serveWebAction } from '../api/web.js';
import { messages } from '../messages.js';
import { HttpError, sendJson, type Exchange } from './exchange.js';
import { only } from './methods.js';

/** The unauthenticated answer for this request, or undefined when it needs credentials. */
export function publicRoute(ctx: WhiskContext, ex: Exchange): (() => void | Promise<void>) | undefined {
  const method = ex.req.method ?? 'GET';
  const path = ex.url.pathname;
  if (path === '/') return () => only(method, { GET: () => sendJson(ex, 200, serverInfo(ctx.config, ctx.isolation)) });
  if (path === '/api/v1' || path === '/api/v1/') return () => only(method, { GET: () => sendJson(ex, 200, apiInfo()) });
  // The controller's invoker health (Controller.scala internalInvokerHealth), public there too.
  if (path === '/invokers' || path === '/invokers/') return () => only(method, { GET: () => sendJson(ex, 200, invokerHealth()) });
  if (path === '/invokers/healthy/count') return () => only(method, { GET: () => sendJson(ex, 200, Object.keys(invokerHealth()).length) });
  // Web actions (/api/v1/web/{namespace}/{package}/{action}.{extension}) and API gateway routes
  // (/api/{namespace}/{base}/{path}) are public in OpenWhisk too; each checks its own annotations.
  const segments = path.split('/').filter(Boolean);
  if (segments[0] !== 'api' || segments.length < 2) return undefined;
  if (segments[1] === 'v1') {
    if (segments[2] !== 'web') return undefined;
    return () => serveWebAction(ctx, ex, segments.slice(3).map(decodeSegment));
  }
  // A route has a namespace and a path under it; /api/{x} alone is not one (authenticated, then 404).
  if (segments.length < 3) return undefined;
  return () => serveRoute(ctx, ex, segments.slice(1).map(decodeSegment));
}

/** A path segment, percent-decoded; bad encodings are the client's error (400), never a crash. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, messages.badPathEncoding);
  }
}
