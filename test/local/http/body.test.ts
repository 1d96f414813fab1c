// Oversized bodies (issue 15 item 1): an authenticated body is read only up to its limit, then 413
// and the connection closed; an unauthenticated body is never read. The openwhisk client sends
// what it can express (a large payload, a large action); raw sockets send the gigabyte bodies,
// and count how much they could write before the server closed on them.
import assert from 'node:assert/strict';
import { rejection, startWhisk, type Started } from '../helpers.js';
import { authLine, rawRequest, streamBytes, type RawAnswer } from './raw.js';

const GB = 1024 ** 3;
/** What a closed connection lets a sender write: socket buffers, far below a drained gigabyte. */
const BUFFERED_AT_MOST = 64 * 1024 * 1024;

describe('local server: oversized request bodies', function () {
  this.timeout(60_000);
  let s: Started;
  const invokePath = '/api/v1/namespaces/_/actions/echo?blocking=true';
  before(async () => {
    s = await startWhisk({ stemCells: [] });
    await s.ow.actions.create({ name: 'echo', action: 'function main(p) { return { keys: Object.keys(p) }; }' });
  });
  after(() => s.whisk.close());

  async function stillServes(): Promise<void> {
    const record = (await s.ow.actions.invoke({ name: 'echo', blocking: true, params: { a: 1 } })) as { response: { result: unknown } };
    assert.deepEqual(record.response.result, { keys: ['a'] });
  }

  it('refuses a payload over 1 MB with 413 and the limit, through the openwhisk client', async () => {
    const big = 'x'.repeat(1536 * 1024);
    const refused = await rejection(s.ow.actions.invoke({ name: 'echo', blocking: true, params: { big } }));
    assert.equal(refused.statusCode, 413);
    assert.match(refused.error.error, /^Request larger than allowed: \d+ > 1048576 bytes\.$/);
    await stillServes();
  });

  it('refuses an action over the 48 MB exec limit with 413, through the openwhisk client', async () => {
    const refused = await rejection(s.ow.actions.create({ name: 'huge', action: `// ${'x'.repeat(50 * 1024 * 1024)}` }));
    assert.equal(refused.statusCode, 413);
    assert.match(refused.error.error, /^Action larger than allowed: \d+ > 50397184 bytes\.$/);
    await assert.rejects(s.ow.actions.get({ name: 'huge' }), (e: { statusCode: number }) => e.statusCode === 404);
  });

  function closedEarly(answer: RawAnswer, status: number): void {
    assert.equal(answer.status, status, answer.text.slice(0, 200));
    assert.match(answer.text, /\r\nConnection: close\r\n/i);
    assert.ok(answer.bytesSent < BUFFERED_AT_MOST, `the client could write ${answer.bytesSent} bytes`);
  }

  it('answers a declared 1 GB body 413 without reading it, and closes', async () => {
    const head = `POST ${invokePath} HTTP/1.1\r\nHost: x\r\n${authLine}Content-Length: ${GB}\r\n\r\n`;
    const answer = await rawRequest(s.whisk.apihost, { head, send: (socket, sent) => streamBytes(socket, GB, sent) });
    closedEarly(answer, 413);
    assert.match(answer.text, /"error":"Request larger than allowed: 1073741824 > 1048576 bytes\."/);
    await stillServes();
  });

  it('stops reading a chunked body at the limit, answers 413 and closes', async () => {
    const head = `POST ${invokePath} HTTP/1.1\r\nHost: x\r\n${authLine}Transfer-Encoding: chunked\r\n\r\n`;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const answer = await rawRequest(s.whisk.apihost, {
      head,
      send: async (socket, sent) => {
        for (let total = 0; total < GB && socket.writable; total += chunk.length) {
          const ok = socket.write(`${chunk.length.toString(16)}\r\n`) && socket.write(chunk) && socket.write('\r\n');
          sent(chunk.length);
          if (!ok) await new Promise((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
        }
      },
    });
    closedEarly(answer, 413);
    assert.match(answer.text, /"error":"Request larger than allowed: \d+ > 1048576 bytes\."/);
    await stillServes();
  });

  it('never reads the body of an unauthenticated request: 401 and closed', async () => {
    const head = `POST ${invokePath} HTTP/1.1\r\nHost: x\r\nContent-Length: ${GB}\r\n\r\n`;
    const answer = await rawRequest(s.whisk.apihost, { head, send: (socket, sent) => streamBytes(socket, GB, sent) });
    closedEarly(answer, 401);
    const wrongKey = `Authorization: Basic ${Buffer.from('a:b').toString('base64')}\r\n`;
    const denied = await rawRequest(s.whisk.apihost, {
      head: `PUT /api/v1/namespaces/_/actions/x HTTP/1.1\r\nHost: x\r\n${wrongKey}Content-Length: ${GB}\r\n\r\n`,
      send: (socket, sent) => streamBytes(socket, GB, sent),
    });
    closedEarly(denied, 401);
    await stillServes();
  });
});
