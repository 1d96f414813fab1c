// API routes through the client's routes API (openwhisk-client-js lib/routes.js: POST/GET/DELETE
// web/whisk.system/apimgmt/{createApi,getApi,deleteApi} with an `apidoc` body or basepath/relpath/
// operation query), then the route serving its web action at the gateway URL it reports.
import assert from 'node:assert/strict';
import { startWhisk, waitForRecord, type Started } from '../helpers.js';

interface Api {
  id: string;
  value: { gwApiUrl: string; apidoc: { basePath: string; paths: { [rel: string]: { [op: string]: { 'x-openwhisk': { action: string } } } } } };
}

describe('local server: API routes through whisk.system/apimgmt', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
    await s.ow.actions.create({ name: 'hello', action: 'function main(p) { return { hello: p.who || "world", method: p.__ow_method }; }', annotations: { 'web-export': true } });
  });
  after(() => s.whisk.close());

  it('creates, lists, serves and deletes a route', async () => {
    const created = (await s.ow.routes.create({ basepath: '/greet', relpath: '/hello', operation: 'GET', action: 'hello' })) as unknown as Api;
    assert.equal(created.value.apidoc.basePath, '/greet');
    assert.equal(created.value.apidoc.paths['/hello']!.get!['x-openwhisk'].action, 'hello');
    // The apidoc the client sends carries its key as `authkey`; nothing the server answers does.
    assert.equal(JSON.stringify(created).includes(s.whisk.auth.split(':')[1]!), false);
    assert.equal(created.value.gwApiUrl, `${s.whisk.apihost}/api/guest/greet`);
    const listed = (await s.ow.routes.list()) as unknown as { apis: Api[] };
    assert.deepEqual(listed.apis.map((a) => a.value.apidoc.basePath), ['/greet']);
    const byBase = (await s.ow.routes.get({ basepath: '/greet' })) as unknown as { apis: Api[] };
    assert.equal(byBase.apis.length, 1);

    // The gateway URL serves the web action, without credentials.
    const answer = await fetch(`${created.value.gwApiUrl}/hello?who=route`);
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { hello: 'route', method: 'get' });
    const id = answer.headers.get('x-openwhisk-activation-id')!;
    assert.equal((await waitForRecord(s.ow, id)).name, 'hello');
    assert.equal((await fetch(`${created.value.gwApiUrl}/hello`, { method: 'POST' })).status, 404);

    await s.ow.routes.delete({ basepath: '/greet' });
    assert.deepEqual(((await s.ow.routes.list()) as unknown as { apis: Api[] }).apis, []);
    assert.equal((await fetch(`${created.value.gwApiUrl}/hello`)).status, 404);
  });
});
