// Slow clients are timed out (issue 15 item 1): headers trickled a byte at a time, a connection
// that sends nothing, and a body trickled past its deadline each get 408 and a closed connection,
// on a raw socket; a blocking invoke that waits longer than those timeouts still gets its answer.
import assert from 'node:assert/strict';
import { startWhisk, type Started } from '../helpers.js';
import { authLine, rawRequest, trickle } from './raw.js';

const http = { headersTimeoutMs: 800, requestTimeoutMs: 1500, bodyTimeoutMs: 1200, checkIntervalMs: 100 };

describe('local server: slow clients', function () {
  this.timeout(30_000);
  let s: Started;
  before(async () => {
    s = await startWhisk({ stemCells: [], http });
    await s.ow.actions.create({ name: 'nap', action: 'async function main() { await new Promise(r => setTimeout(r, 2500)); return { slept: true }; }' });
  });
  after(() => s.whisk.close());

  it('times out headers trickled one byte every 50 ms', async () => {
    const answer = await rawRequest(s.whisk.apihost, {
      head: 'GET /api/v1 HTTP/1.1\r\n',
      send: (socket, sent) => trickle(socket, `Host: x\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`, 50, sent),
    });
    assert.equal(answer.status, 408);
    assert.ok(answer.bytesSent < 60, `sent ${answer.bytesSent} bytes`);
    assert.ok(answer.elapsedMs >= http.headersTimeoutMs && answer.elapsedMs < http.headersTimeoutMs + 2500, `${answer.elapsedMs} ms`);
  });

  it('times out a connection that sends nothing', async () => {
    const answer = await rawRequest(s.whisk.apihost, { head: '' });
    assert.equal(answer.status, 408);
    assert.ok(answer.elapsedMs < http.headersTimeoutMs + 2500, `${answer.elapsedMs} ms`);
  });

  it('times out a body trickled past its deadline with an OpenWhisk error body, and closes', async () => {
    const answer = await rawRequest(s.whisk.apihost, {
      head: `POST /api/v1/namespaces/_/actions/nap HTTP/1.1\r\nHost: x\r\n${authLine}Content-Type: application/json\r\nContent-Length: 400\r\n\r\n`,
      send: (socket, sent) => trickle(socket, `{"pad":"${'a'.repeat(390)}"}`, 50, sent),
    });
    assert.equal(answer.status, 408);
    assert.match(answer.text, /\r\nConnection: close\r\n/i);
    assert.match(answer.text, /"error":"The request body did not arrive in time\."/);
    assert.ok(answer.bytesSent < 40, `sent ${answer.bytesSent} bytes`);
    const list = (await s.ow.activations.list()) as unknown[];
    assert.equal(list.length, 0, 'nothing was invoked');
  });

  it('still answers a blocking invoke that runs longer than every request timeout', async () => {
    const record = (await s.ow.actions.invoke({ name: 'nap', blocking: true })) as { response: { result: unknown } };
    assert.deepEqual(record.response.result, { slept: true });
  });
});
