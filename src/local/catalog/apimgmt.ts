// whisk.system/apimgmt createApi, getApi and deleteApi: what the client's routes.create/list/
// delete call (as web actions, `web/whisk.system/apimgmt/<op>`). Each answers the way a web
// action answers (.http: statusCode, headers, body). The apidoc's `authkey` is never stored.
import type { WhiskContext } from '../api/context.js';
import type { Route } from '../feeds/routes.js';
import { messages } from '../messages.js';
import { ok, type Builtin } from './builtin.js';

export function routeActions(ctx: WhiskContext): Record<string, Builtin> {
  return {
    createApi: (params) => {
      const apidoc = (params.apidoc ?? {}) as Record<string, unknown>;
      const action = (apidoc.action ?? {}) as Record<string, unknown>;
      const basePath = String(apidoc.gatewayBasePath ?? '/');
      const relPath = String(apidoc.gatewayPath ?? '');
      const operation = String(apidoc.gatewayMethod ?? '').toLowerCase();
      const name = String(action.name ?? '');
      if (!relPath.startsWith('/') || !operation || !name) return http(400, { error: messages.malformedRequest('apidoc needs gatewayPath, gatewayMethod and action') });
      const namespace = String(action.namespace ?? '_') === '_' ? ctx.namespace : String(action.namespace);
      const route: Route = {
        basePath,
        relPath,
        operation,
        apiName: String(apidoc.apiName ?? basePath),
        target: { namespace, action: name },
        responseType: String(params.responsetype ?? 'json'),
      };
      ctx.routes.add(route);
      return http(200, apiEntry(ctx, basePath));
    },
    getApi: (params) => {
      const basePath = params.basepath === undefined ? undefined : String(params.basepath);
      const found = ctx.routes.find({
        ...(basePath !== undefined ? { basePath } : {}),
        ...(params.relpath !== undefined ? { relPath: String(params.relpath) } : {}),
        ...(params.operation !== undefined ? { operation: String(params.operation) } : {}),
      });
      const bases = [...new Set(found.map((r) => r.basePath))];
      return http(200, { apis: bases.map((b) => apiEntry(ctx, b)) });
    },
    deleteApi: (params) => {
      const basePath = String(params.basepath ?? '');
      const relPath = params.relpath === undefined ? undefined : String(params.relpath);
      const operation = params.operation === undefined ? undefined : String(params.operation);
      const removed = ctx.routes.remove(basePath, relPath, operation);
      return removed > 0 ? http(200, {}) : http(404, { error: messages.routeNotFound });
    },
  };
}

/** One API as getApi lists it: `{id, key, value: {namespace, gwApiActivated, gwApiUrl, apidoc}}`. */
function apiEntry(ctx: WhiskContext, basePath: string) {
  const routes = ctx.routes.find({ basePath });
  // The gateway's space is the namespace (not the key's UUID: no part of the key goes in a URL).
  const gwApiUrl = `${ctx.apiHost()}/api/${ctx.namespace}${basePath === '/' ? '' : basePath}`;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    paths[r.relPath] = {
      ...paths[r.relPath],
      [r.operation]: {
        operationId: `${r.operation}${r.relPath}`,
        'x-openwhisk': { namespace: r.target.namespace, action: r.target.action, url: `${ctx.apiHost()}/api/v1/web/${r.target.namespace}/${webPath(r.target.action)}.${r.responseType}` },
        responses: { default: { description: 'Default response' } },
      },
    };
  }
  const apidoc = { swagger: '2.0', basePath, info: { title: routes[0]?.apiName ?? basePath, version: '1.0.0' }, paths };
  return { id: `API:${ctx.namespace}:${basePath}`, key: `API:${ctx.namespace}:${basePath}`, value: { namespace: ctx.namespace, gwApiActivated: true, gwApiUrl, apidoc } };
}

function webPath(action: string): string {
  return action.includes('/') ? action : `default/${action}`;
}

function http(statusCode: number, body: Record<string, unknown>) {
  return ok({ statusCode, headers: { 'Content-Type': 'application/json' }, body });
}
