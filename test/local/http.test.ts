// Protocol details the openwhisk client cannot reach (it never sends `result` or `timeout`, and
// hides headers): checked with fetch against the same server. Scenarios stay on the client.
import assert from 'node:assert/strict';
import { GUEST_KEY } from '../../src/index.js';
import { startWhisk, type Started } from './helpers.js';

describe('local server: HTTP protocol details', function () {
  this.timeout(30_000);
  let s: Started;
  const authHeader = { Authorization: `Basic ${Buffer.from(GUEST_KEY).toString('base64')}` };
  const api = (p: string) => `${s.whisk.apihost}/api/v1/namespaces/_${p}`;

  before(async () => {
    s = await startWhisk({ userMemoryMb: 128 });
    await s.ow.actions.create({ name: 'echo', action: 'function main(p) { return p; }', limits: { memory: 128 } });
    await s.ow.actions.create({ name: 'nap', action: 'async function main() { await new Promise(r => setTimeout(r, 1000)); return {}; }', limits: { memory: 128 } });
  });
  after(() => s.whisk.close());

  it('serves GET /api/v1 without auth', async () => {
    const response = await fetch(`${s.whisk.apihost}/api/v1`);
    assert.equal(response.status, 200);
    const info = (await response.json()) as { description: string; api_version_path: string };
    assert.equal(info.description, 'OpenWhisk API');
    assert.equal(info.api_version_path, 'v1');
  });

  it('answers 401 with the challenge, and every response with X-Request-ID and CORS', async () => {
    const denied = await fetch(api('/actions'));
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.get('www-authenticate'), 'Basic realm="OpenWhisk secure realm"');
    const body = (await denied.json()) as { error: string; code: string };
    assert.equal(body.error, 'The resource requires authentication, which was not supplied with the request');
    assert.equal(denied.headers.get('x-request-id'), body.code);
    assert.equal(denied.headers.get('access-control-allow-origin'), '*');
    const forbidden = await fetch(`${s.whisk.apihost}/api/v1/namespaces/someoneelse/actions`, { headers: authHeader });
    assert.equal(forbidden.status, 403);
  });

  it('honours blocking + result=true, and sends x-openwhisk-activation-id', async () => {
    const response = await fetch(api('/actions/echo?blocking=true&result=true'), {
      method: 'POST',
      headers: { ...authHeader, 'Content-Type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { a: 1 });
    assert.match(response.headers.get('x-openwhisk-activation-id') ?? '', /^[0-9a-f]{32}$/);
  });

  it('validates and honours the blocking timeout: 202 when it runs out', async () => {
    const post = (query: string) => fetch(api(`/actions/nap?${query}`), { method: 'POST', headers: authHeader });
    for (const bad of ['timeout=0', 'timeout=60001', 'timeout=abc']) {
      const response = await post(`blocking=true&${bad}`);
      assert.equal(response.status, 400, bad);
      assert.equal(((await response.json()) as { error: string }).error, 'Timeout must be number of milliseconds up to 60000.');
    }
    const started = Date.now();
    const response = await post('blocking=true&timeout=200');
    assert.equal(response.status, 202);
    assert.ok(Date.now() - started < 900);
    const body = (await response.json()) as { activationId: string };
    assert.equal(response.headers.get('x-openwhisk-activation-id'), body.activationId);
  });

  it('ends an activation that can never fit the pool as a whisk internal error (500)', async () => {
    await s.ow.actions.create({ name: 'fat', action: 'function main() { return {}; }', limits: { memory: 256 } });
    const response = await fetch(api('/actions/fat?blocking=true'), { method: 'POST', headers: authHeader });
    assert.equal(response.status, 500);
    const record = (await response.json()) as { response: { status: string }; duration: number };
    assert.equal(record.response.status, 'whisk internal error');
    assert.equal(record.duration, 0);
  });

  it('answers unknown paths 404, wrong methods 405 and malformed activation ids 400', async () => {
    assert.equal((await fetch(api('/widgets'), { headers: authHeader })).status, 404);
    assert.equal((await fetch(api('/activations'), { method: 'POST', headers: authHeader })).status, 405);
    assert.equal((await fetch(api('/activations/not-an-id'), { headers: authHeader })).status, 400);
  });
});
