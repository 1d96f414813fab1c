// GET|POST|PUT|DELETE|PATCH|HEAD /api/v1/web/{namespace}/{package|default}/{action}[.ext][/path]:
// web actions, served without credentials (WebActions.scala): the action must carry
// `web-export: true` (404 otherwise); `require-whisk-auth` true needs the user's basic auth,
// a string or number needs the same value in X-Require-Whisk-Auth (401 otherwise); the answer
// waits up to the blocking limit (202 "Response not yet ready." after it). Also API routes
// (/api/{namespace}/{basepath}/{relpath}), which serve the web action a route names.
import type { IncomingMessage } from 'node:http';
import { authenticate } from '../http/auth.js';
import { HttpError, sendError, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import { activate } from './activate.js';
import type { WhiskContext } from './context.js';
import { findAction, SYSTEM_NAMESPACE, type ResolvedAction } from './resolve.js';
import { readWebRequest, webArguments } from './web-request.js';
import { sendWebResult, splitExtension, type WebExtension } from './web-response.js';
import { within } from './invoke.js';

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH' };
const CORS_HEADERS = 'Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent';

export async function serveWebAction(ctx: WhiskContext, ex: Exchange, segments: string[]): Promise<void> {
  const [namespace, pkg, actionSegment, ...rest] = segments;
  if (!namespace || !pkg || !actionSegment) throw new HttpError(404, messages.resourceDoesNotExist);
  const [actionName, ext] = splitExtension(actionSegment);
  await serve(ctx, ex, namespace, pkg === 'default' ? actionName : `${pkg}/${actionName}`, ext, rest.length ? `/${rest.join('/')}` : '');
}

/** An API route: `/api/{namespace}/{basepath…}/{relpath…}` mapped by the apimgmt actions. */
export async function serveRoute(ctx: WhiskContext, ex: Exchange, segments: string[]): Promise<void> {
  // The first segment is the API space: the namespace that owns the routes.
  if (segments[0] !== ctx.namespace) throw new HttpError(404, messages.resourceDoesNotExist);
  const path = `/${segments.slice(1).join('/')}`;
  const route = ctx.routes.match(path, ex.req.method ?? 'GET');
  if (!route) throw new HttpError(404, messages.resourceDoesNotExist);
  const ext = `.${route.responseType}` as WebExtension;
  await serve(ctx, ex, route.target.namespace, route.target.action, ext, '');
}

async function serve(ctx: WhiskContext, ex: Exchange, namespace: string, name: string, ext: WebExtension, path: string): Promise<void> {
  const target = namespace === ctx.namespace || namespace === SYSTEM_NAMESPACE ? findAction(ctx, namespace, name) : undefined;
  if (!target || annotation(target, 'web-export') !== true) throw new HttpError(404, messages.resourceDoesNotExist);
  // A CORS preflight is answered by the controller unless the action handles OPTIONS itself
  // (WebActions.scala: `web-custom-options`).
  if (ex.req.method === 'OPTIONS' && annotation(target, 'web-custom-options') !== true) {
    return void ex.res.writeHead(200, { ...CORS, 'Access-Control-Allow-Headers': String(ex.req.headers['access-control-request-headers'] ?? CORS_HEADERS), 'X-Request-ID': ex.tid }).end();
  }
  const user = authenticatedUser(ctx, ex.req);
  const required = annotation(target, 'require-whisk-auth');
  if (required === true && user === undefined) authenticate(ex.req, ctx.auth);
  if ((typeof required === 'string' || typeof required === 'number') && ex.req.headers['x-require-whisk-auth'] !== String(required)) {
    throw new HttpError(401, messages.authenticationInvalid);
  }
  const raw = annotation(target, 'raw-http') === true;
  const finalKeys = annotation(target, 'final') === true ? target.parameters.map((p) => p.key) : [];
  const request = await readWebRequest(ex.req, ex.url, path, user);
  const payload = webArguments(request, raw, finalKeys);
  const refused = ctx.throttle.check();
  if (refused) throw new HttpError(429, refused);

  const { activationId, finished } = activate(ctx, { target, payload, receivedAt: ex.receivedAt, transactionId: ex.tid });
  const idHeader = { 'x-openwhisk-activation-id': activationId };
  const record = await within(finished, ctx.config.blockingWaitMs);
  if (!record) return sendError(ex, 202, messages.responseNotReady, idHeader);
  const result = record.response.result as unknown;
  if (record.response.status === 'success') return sendWebResult(ex, ext, result, idHeader);
  if (record.response.status === 'application error') {
    const error = (result as Record<string, unknown> | undefined)?.error;
    if (error === undefined) return sendError(ex, 404, messages.propertyNotFound, idHeader);
    return sendWebResult(ex, ext, error, idHeader);
  }
  sendError(ex, 400, messages.errorProcessingRequest, idHeader);
}

/** The caller's namespace when the request carries valid credentials (optional on web routes). */
function authenticatedUser(ctx: WhiskContext, req: IncomingMessage): string | undefined {
  if (!req.headers.authorization) return undefined;
  try {
    authenticate(req, ctx.auth);
    return ctx.namespace;
  } catch {
    return undefined;
  }
}

function annotation(target: ResolvedAction, key: string): unknown {
  return target.action.annotations.find((a) => a.key === key)?.value;
}
