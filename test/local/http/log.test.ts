// A request-caused error never prints a stack on the server's stderr (issue 15 item 1): internal
// errors get one line naming the transaction, method and path, without headers, query or body.
// Checked on the line builder, then on a real `owbench serve` fed hostile requests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { GUEST_KEY } from '../../../src/index.js';
import type { Exchange } from '../../../src/local/http/exchange.js';
import { internalErrorLine } from '../../../src/local/http/log.js';
import { repoRoot } from '../../helpers/cli.js';
import { rawRequest, streamBytes, trickle } from './raw.js';

function exchange(method: string, target: string): Exchange {
  const req = { method, headers: { authorization: `Basic ${Buffer.from(GUEST_KEY).toString('base64')}` } } as unknown as IncomingMessage;
  return { req, res: {} as ServerResponse, tid: 'tid42', receivedAt: 0, url: new URL(target, 'http://localhost') };
}

describe('local server: the internal error log line', function () {
  this.timeout(120_000);

  it('is one line with the transaction, method and path, and no stack, query or credentials', () => {
    const error = new TypeError('cannot read\nproperty \u001b[2J of undefined');
    const line = internalErrorLine(exchange('POST', '/api/v1/namespaces/_/actions/a?secret=s3cr3t'), error);
    assert.equal(line, 'owbench serve: internal error (tid42) POST /api/v1/namespaces/_/actions/a: TypeError: cannot read\\u000aproperty \\u001b[2J of undefined\n');
    assert.equal(line.split('\n').length, 2);
    assert.ok(!line.includes('s3cr3t') && !line.includes(GUEST_KEY.split(':')[1]!));
    const long = internalErrorLine(exchange('GET', '/'), 'x'.repeat(10_000));
    assert.equal(long.length, 301);
  });

  it('owbench serve prints no stack for hostile requests, and keeps serving', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve', '--port', '0'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const apihost = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner: ${stdout}${stderr}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /OpenWhisk API on (http:\/\/\S+)/.exec(stdout);
          if (match) resolve(match[1]!), clearTimeout(timer);
        });
      });
      const auth = `Authorization: Basic ${Buffer.from(GUEST_KEY).toString('base64')}\r\n`;
      const heads = [
        'GET // HTTP/1.1\r\n\r\n', 'GET http://[/ HTTP/1.1\r\n\r\n', 'GET /api/v1/% HTTP/1.1\r\n\r\n', `GET /api/v1/% HTTP/1.1\r\n${auth}\r\n`,
        'BREW / HTTP/1.1\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', '\u0000\u0001\u0002\r\n\r\n', `GET / HTTP/1.1\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`,
        `PUT /api/v1/namespaces/_/actions/a HTTP/1.1\r\n${auth}Content-Length: 9\r\n\r\n{"exec":[`,
        `POST /api/v1/namespaces/_/actions/a HTTP/1.1\r\n${auth}Content-Length: 4\r\n\r\nnull`,
        `GET /api/v1/namespaces/_/activations?limit=1e999&since=-1 HTTP/1.1\r\n${auth}\r\n`,
        `GET /api/v1/namespaces/_/activations/${'f'.repeat(32)}/logs HTTP/1.1\r\n${auth}\r\n`,
        `POST /api/v1/namespaces/_/actions/a HTTP/1.1\r\n${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n`,
      ];
      for (const head of heads) await rawRequest(apihost, { head: head.replace('\r\n', '\r\nHost: x\r\nConnection: close\r\n') });
      await rawRequest(apihost, {
        head: `POST /api/v1/namespaces/_/actions/a HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 9999999\r\n\r\n`,
        send: (socket, sent) => streamBytes(socket, 9_999_999, sent),
      });
      const slow = rawRequest(apihost, { head: 'GET / HTTP/1.1\r\n', send: (socket) => trickle(socket, 'Host: x\r\n\r\n', 2000), timeoutMs: 30_000 });
      const response = await fetch(`${apihost}/api/v1/namespaces/_/actions`, { headers: { Authorization: auth.slice(15, -2) } });
      assert.equal(response.status, 200);
      child.kill('SIGTERM');
      await slow.catch(() => undefined);
      await new Promise((resolve) => child.once('exit', resolve));
      assert.ok(!/^\s+at /m.test(stderr), `a stack on stderr:\n${stderr}`);
      assert.equal(stderr, '', 'nothing on stderr');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
