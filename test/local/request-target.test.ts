// No request may take the server down (issue 15 item 1): malformed request targets and path
// encodings are sent on a raw socket (fetch normalizes them away), then the server must still
// answer an ordinary client request.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { GUEST_KEY } from '../../src/index.js';
import { startWhisk, type Started } from './helpers.js';

// Path encodings are looked at only after authentication (issue 15), so these requests carry the key.
const auth = `Authorization: Basic ${Buffer.from(GUEST_KEY).toString('base64')}\r\n`;

/** Sends one raw HTTP/1.1 request and returns the status line's code (0 when the socket closed silently). */
function rawStatus(apihost: string, target: string): Promise<number> {
  const { hostname, port } = new URL(apihost);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\n${auth}Connection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${target}`)));
  });
}

describe('local server: malformed request targets', function () {
  this.timeout(30_000);
  let s: Started;
  before(async () => (s = await startWhisk()));
  after(() => s.whisk.close());

  const targets = ['//', '///', 'http://[/', 'http://127.0.0.1:99999/api/v1', '/api/v1/%', '/api/v1/namespaces/%E0%A4%A', '*'];
  for (const target of targets) {
    it(`answers 400 to GET ${target} and keeps serving`, async () => {
      assert.equal(await rawStatus(s.whisk.apihost, target), 400);
      const namespaces = (await s.ow.namespaces.list()) as string[];
      assert.deepEqual(namespaces, ['guest']);
    });
  }
});
