// Every operation of the openwhisk npm client (lib/*.js) against the embedded server, each with the
// HTTP status it got (read from Node's http client diagnostics channel) and the shape OpenWhisk
// answers with. Statuses: OPENWHISK.md §2.2-§2.3 (actions, activations), Packages.scala /
// Triggers.scala / Rules.scala (200 on put/get/delete; fire 202), WebActions.scala (routes go
// through the apimgmt web actions, 200). The table in issue 13's report is this test's list.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { startWhisk, waitForRecord, type Record, type Started } from './helpers.js';

interface Seen {
  method: string;
  path: string;
  status: number;
}

describe('local server: every openwhisk client operation', function () {
  this.timeout(60_000);
  let s: Started;
  const seen: Seen[] = [];
  const listener = (message: unknown) => {
    const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
    // Only the client's requests to the API, not the server's own calls to its runtime proxies.
    if (!s || `http://${String(request.getHeader('host'))}` !== s.whisk.apihost) return;
    seen.push({ method: request.method, path: decodeURIComponent(request.path), status: response.statusCode ?? 0 });
  };

  /** Runs one client call and returns the status of the one request it sent. */
  async function status<T>(call: () => Promise<T>): Promise<[number, T]> {
    const before = seen.length;
    const value = await call();
    assert.equal(seen.length, before + 1, 'one request per operation');
    return [seen[before]!.status, value];
  }

  before(async () => {
    subscribe('http.client.response.finish', listener);
    s = await startWhisk();
  });
  after(async () => {
    unsubscribe('http.client.response.finish', listener);
    await s.whisk.close();
  });

  it('actions: create, update, get, list, invoke (blocking, result, non-blocking), delete', async () => {
    const { ow } = s;
    assert.equal((await status(() => ow.actions.create({ name: 'op', action: 'function main(p) { return { got: p.x }; }' })))[0], 200);
    const [updated, action] = await status(() => ow.actions.update({ name: 'op', action: 'function main(p) { return { got: p.x, v: 2 }; }' }));
    assert.deepEqual([updated, (action as unknown as { version: string }).version], [200, '0.0.2']);
    assert.equal((await status(() => ow.actions.get({ name: 'op' })))[0], 200);
    const [listed, list] = await status(() => ow.actions.list());
    assert.deepEqual([listed, (list as unknown as unknown[]).length], [200, 1]);
    const [blocking, record] = await status(() => ow.actions.invoke({ name: 'op', blocking: true, params: { x: 1 } }));
    assert.deepEqual([blocking, (record as unknown as Record).response.result], [200, { got: 1, v: 2 }]);
    const [resulted, result] = await status(() => ow.actions.invoke({ name: 'op', blocking: true, result: true, params: { x: 2 } }));
    assert.deepEqual([resulted, result], [200, { got: 2, v: 2 }]);
    const [accepted, started] = await status(() => ow.actions.invoke({ name: 'op', params: { x: 3 } }));
    assert.equal(accepted, 202);
    await waitForRecord(ow, (started as { activationId: string }).activationId);
  });

  it('activations: list, get, result, logs', async () => {
    const { ow } = s;
    const [listed, list] = await status(() => ow.activations.list({ limit: 5 }));
    assert.equal(listed, 200);
    const id = (list as unknown as Array<{ activationId: string }>)[0]!.activationId;
    assert.equal((await status(() => ow.activations.get({ activationId: id })))[0], 200);
    const [resulted, result] = await status(() => ow.activations.result({ activationId: id }));
    assert.deepEqual([resulted, Object.keys(result as object).sort()], [200, ['result', 'size', 'status', 'success']]);
    const [logged, logs] = await status(() => ow.activations.logs({ activationId: id }));
    assert.deepEqual([logged, Array.isArray((logs as { logs: unknown }).logs)], [200, true]);
  });

  it('packages: create, update, get, list, delete', async () => {
    const { ow } = s;
    assert.equal((await status(() => ow.packages.create({ name: 'p' })))[0], 200);
    assert.equal((await status(() => ow.packages.update({ name: 'p', package: { publish: true } })))[0], 200);
    assert.equal((await status(() => ow.packages.get({ name: 'p' })))[0], 200);
    assert.equal((await status(() => ow.packages.list()))[0], 200);
    assert.equal((await status(() => ow.packages.delete({ name: 'p' })))[0], 200);
  });

  it('triggers and rules: create, update, get, list, fire, enable, disable, delete', async () => {
    const { ow } = s;
    assert.equal((await status(() => ow.triggers.create({ name: 't' })))[0], 200);
    assert.equal((await status(() => ow.triggers.update({ name: 't', trigger: { parameters: [{ key: 'x', value: 9 }] } })))[0], 200);
    assert.equal((await status(() => ow.rules.create({ name: 'r', trigger: 't', action: 'op' })))[0], 200);
    assert.equal((await status(() => ow.rules.update({ name: 'r', trigger: 't', action: 'op' })))[0], 200);
    assert.equal((await status(() => ow.rules.get({ name: 'r' })))[0], 200);
    assert.equal((await status(() => ow.rules.list()))[0], 200);
    assert.equal((await status(() => ow.triggers.get({ name: 't' })))[0], 200);
    assert.equal((await status(() => ow.triggers.list()))[0], 200);
    const [fired, id] = await status(() => ow.triggers.invoke({ name: 't' }));
    assert.equal(fired, 202);
    await waitForRecord(ow, (id as { activationId: string }).activationId);
    assert.equal((await status(() => ow.rules.disable({ name: 'r' })))[0], 200);
    assert.equal((await status(() => ow.rules.enable({ name: 'r' })))[0], 200);
    assert.equal((await status(() => ow.rules.delete({ name: 'r' })))[0], 200);
    assert.equal((await status(() => ow.triggers.delete({ name: 't' })))[0], 200);
  });

  it('feeds: create, get, update, delete (blocking invokes of the feed action)', async () => {
    const { ow } = s;
    await ow.triggers.create({ name: 'alarmed' });
    const feed = { name: '/whisk.system/alarms/interval', trigger: 'alarmed' };
    assert.equal((await status(() => ow.feeds.create({ ...feed, params: { minutes: 10 } })))[0], 200);
    assert.equal((await status(() => ow.feeds.get(feed)))[0], 200);
    assert.equal((await status(() => ow.feeds.update({ ...feed, params: { minutes: 20 } })))[0], 200);
    assert.equal((await status(() => ow.feeds.delete(feed)))[0], 200);
  });

  it('routes: create, list, get, delete (web actions of whisk.system/apimgmt)', async () => {
    const { ow } = s;
    await ow.actions.update({ name: 'op', annotations: { 'web-export': true } });
    assert.equal((await status(() => ow.routes.create({ basepath: '/b', relpath: '/r', operation: 'GET', action: 'op' })))[0], 200);
    assert.equal((await status(() => ow.routes.list()))[0], 200);
    assert.equal((await status(() => ow.routes.get({ basepath: '/b' })))[0], 200);
    assert.equal((await status(() => ow.routes.delete({ basepath: '/b' })))[0], 200);
  });

  it('namespaces: list, get (which lists actions, packages, triggers and rules)', async () => {
    const { ow } = s;
    const [listed, namespaces] = await status(() => ow.namespaces.list());
    assert.deepEqual([listed, namespaces], [200, ['guest']]);
    const before = seen.length;
    const all = (await ow.namespaces.get()) as unknown as { [k: string]: unknown[] };
    assert.deepEqual(Object.keys(all), ['actions', 'packages', 'triggers', 'rules']);
    assert.deepEqual(seen.slice(before).map((r) => r.status), [200, 200, 200, 200]);
  });

  it('deletes the action last', async () => {
    assert.equal((await status(() => s.ow.actions.delete({ name: 'op' })))[0], 200);
  });
});
