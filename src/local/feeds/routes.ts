// API routes as the API gateway keeps them: a base path, a relative path and an HTTP operation
// mapped to a web action. The apimgmt catalog actions change them; the router serves them.
export interface RouteTarget {
  /** The web action: namespace, `pkg/action` or `action`. */
  namespace: string;
  action: string;
}

export interface Route {
  basePath: string;
  relPath: string;
  operation: string;
  apiName: string;
  target: RouteTarget;
  responseType: string;
}

export class RouteStore {
  private readonly routes: Route[] = [];

  add(route: Route): void {
    this.remove(route.basePath, route.relPath, route.operation);
    this.routes.push(route);
  }

  /** Routes matching every filter given (base path or API name, relative path, operation). */
  find(filter: { basePath?: string; relPath?: string; operation?: string }): Route[] {
    return this.routes.filter(
      (r) =>
        (filter.basePath === undefined || r.basePath === filter.basePath || r.apiName === filter.basePath) &&
        (filter.relPath === undefined || r.relPath === filter.relPath) &&
        (filter.operation === undefined || r.operation === filter.operation.toLowerCase()),
    );
  }

  /** Removes matching routes; returns how many went. */
  remove(basePath: string, relPath?: string, operation?: string): number {
    const gone = this.find({ basePath, ...(relPath !== undefined ? { relPath } : {}), ...(operation !== undefined ? { operation } : {}) });
    for (const route of gone) this.routes.splice(this.routes.indexOf(route), 1);
    return gone.length;
  }

  /** The route serving `path` (`/base/rel`) with `method`; `{id}` segments match anything. */
  match(path: string, method: string): Route | undefined {
    return this.routes.find((r) => r.operation === method.toLowerCase() && pattern(r.basePath, r.relPath).test(path));
  }
}

function pattern(basePath: string, relPath: string): RegExp {
  const full = `${basePath === '/' ? '' : basePath}${relPath}`;
  const escaped = full.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}/?$`);
}
