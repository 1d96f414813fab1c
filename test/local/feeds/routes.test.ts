// The route table the apimgmt actions keep: matching by operation and path, `{param}` segments,
// filters as getApi and deleteApi apply them (basepath or API name, relpath, operation).
import assert from 'node:assert/strict';
import { RouteStore, type Route } from '../../../src/local/feeds/routes.js';

function route(basePath: string, relPath: string, operation: string, action = 'a'): Route {
  return { basePath, relPath, operation, apiName: `${basePath} API`, target: { namespace: 'guest', action }, responseType: 'json' };
}

describe('local feeds: the route table', () => {
  it('matches operation and path, with {param} segments matching one segment', () => {
    const routes = new RouteStore();
    routes.add(route('/books', '/{id}', 'get', 'show'));
    routes.add(route('/books', '/{id}', 'delete', 'remove'));
    routes.add(route('/', '/health', 'get', 'health'));
    assert.equal(routes.match('/books/42', 'GET')?.target.action, 'show');
    assert.equal(routes.match('/books/42', 'DELETE')?.target.action, 'remove');
    assert.equal(routes.match('/books/42/pages', 'GET'), undefined);
    assert.equal(routes.match('/books', 'GET'), undefined);
    assert.equal(routes.match('/health', 'GET')?.target.action, 'health');
    assert.equal(routes.match('/health', 'POST'), undefined);
  });

  it('replaces a route with the same base, path and operation, finds by API name, removes by filters', () => {
    const routes = new RouteStore();
    routes.add(route('/b', '/x', 'get', 'first'));
    routes.add(route('/b', '/x', 'get', 'second'));
    routes.add(route('/b', '/y', 'post'));
    assert.deepEqual(routes.find({ basePath: '/b' }).map((r) => r.target.action), ['second', 'a']);
    assert.equal(routes.find({ basePath: '/b API' }).length, 2);
    assert.equal(routes.remove('/b', '/y', 'POST'), 1);
    assert.equal(routes.remove('/b'), 1);
    assert.deepEqual(routes.find({}), []);
  });
});
