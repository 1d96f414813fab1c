// Nothing is processed before authentication (issue 15 item 1) but what OpenWhisk serves without
// credentials: GET / and GET /api/v1. Every other request without valid credentials is a 401,
// whatever its path, encoding or method, so unauthenticated clients learn nothing else.
import assert from 'node:assert/strict';
import { GUEST_KEY } from '../../../src/index.js';
import { startWhisk, type Started } from '../helpers.js';
import { rawRequest } from './raw.js';

describe('local server: what is served without credentials', function () {
  this.timeout(30_000);
  let s: Started;
  before(async () => (s = await startWhisk({ stemCells: [] })));
  after(() => s.whisk.close());

  const raw = async (method: string, target: string, auth = '') =>
    (await rawRequest(s.whisk.apihost, { head: `${method} ${target} HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n` })).status;

  it('serves GET / and GET /api/v1 without credentials, and only GET', async () => {
    const root = (await (await fetch(`${s.whisk.apihost}/`)).json()) as { supportedKinds: string[] };
    assert.ok(root.supportedKinds.includes('wasm:0.1'));
    assert.equal((await fetch(`${s.whisk.apihost}/api/v1`)).status, 200);
    assert.equal((await fetch(`${s.whisk.apihost}/api/v1/`)).status, 200);
    assert.equal((await fetch(`${s.whisk.apihost}/api/v1`, { method: 'POST' })).status, 405);
  });

  const targets = ['/api/v1/%', '/api/v1/namespaces/%E0%A4%A', '/nowhere', '/api/v2', '/api/v1/namespaces', '/api/v1/namespaces/_/actions/a/b/c/d', '/api/v1/namespaces/other/activations?limit=nope'];
  for (const target of targets) {
    it(`answers ${target} 401 without credentials, before looking at it`, async () => {
      assert.equal(await raw('GET', target), 401);
      assert.equal(await raw('DELETE', target), 401);
    });
  }

  it('looks at those requests once the credentials are right', async () => {
    const auth = `Authorization: Basic ${Buffer.from(GUEST_KEY).toString('base64')}\r\n`;
    assert.equal(await raw('GET', '/api/v1/%', auth), 400);
    assert.equal(await raw('GET', '/nowhere', auth), 404);
    assert.equal(await raw('GET', '/api/v1/namespaces/other/activations', auth), 403);
    assert.deepEqual(await s.ow.namespaces.list(), ['guest']);
  });
});
