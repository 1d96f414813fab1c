// The pull's requests under failure, through a loopback proxy in front of the embedded server that
// answers chosen list requests 429 or 503 or drops their connection: each is retried with the
// driver's backoff and the file still holds the window exactly once; a server that keeps failing
// stops the pull with its partial file kept, and the pull resumes once the server answers again.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CliError } from '../../src/errors.js';
import { fetch } from '../../src/index.js';
import { partialPathFor } from '../../src/openwhisk/fetch-file.js';
import { connectionOf, tempDir } from './helpers.js';
import { readNdjson, serverIds, startFilled, type Filled } from './fetch-helpers.js';

type Fault = 'throttle' | 'unavailable' | 'drop' | 'pass';

/** Forwards every request to `target`; the n-th (1-based) answers as `plan(n)` says. */
async function faultyProxy(target: string, plan: (n: number) => Fault): Promise<{ apihost: string; close(): Promise<void> }> {
  let n = 0;
  const server = http.createServer((request, response) => {
    const fault = plan(++n);
    if (fault === 'drop') return request.socket.destroy();
    if (fault !== 'pass') {
      response.writeHead(fault === 'throttle' ? 429 : 503, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ error: fault === 'throttle' ? 'Too many requests in the last minute (count: 61, allowed: 60).' : 'service unavailable', code: 'x' }));
    }
    const forward = http.request(new URL(request.url!, target), { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apihost: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const FAST = { maxRetries: 4, baseMs: 5, capMs: 40, budgetMs: 2000 };

describe('fetch: throttling, 5xx and dropped connections', function () {
  this.timeout(120_000);
  let filled: Filled;
  before(async () => {
    filled = await startFilled(700);
  });
  after(() => filled.server.close());

  it('retries each and still holds every activation once', async () => {
    const faults: Record<number, Fault> = { 2: 'throttle', 3: 'unavailable', 5: 'drop', 6: 'throttle' };
    const proxy = await faultyProxy(filled.server.apihost, (n) => faults[n] ?? 'pass');
    try {
      const out = path.join(tempDir('owbench-fetch-'), 'retried.ndjson');
      const upto = Date.now();
      const summary = await fetch({ connection: { ...connectionOf(filled.server), apihost: proxy.apihost }, out, since: filled.since, upto, retry: FAST, settleMs: 0 });
      assert.equal(summary.retries, 4);
      const ids = readNdjson(out).map((r) => r.activationId);
      assert.equal(new Set(ids).size, ids.length);
      assert.deepEqual(new Set(ids), new Set(await serverIds(filled.ow, { since: filled.since, upto })));
    } finally {
      await proxy.close();
    }
  });

  it('stops with the partial file kept when the server keeps failing, and resumes later', async () => {
    let failing = false;
    let requests = 0;
    const proxy = await faultyProxy(filled.server.apihost, () => {
      requests += 1;
      if (requests === 4) failing = true; // the count and two pages get through
      return failing ? 'unavailable' : 'pass';
    });
    try {
      const out = path.join(tempDir('owbench-fetch-'), 'stalled.ndjson');
      const connection = { ...connectionOf(filled.server), apihost: proxy.apihost };
      const upto = Date.now();
      const stalled = await fetch({ connection, out, since: filled.since, upto, retry: FAST }).then(() => null, (error: unknown) => error);
      assert.ok(stalled instanceof CliError, String(stalled));
      assert.equal(stalled.exitCode, 1);
      assert.match(stalled.message, new RegExp(`kept failing \\(HTTP 503: service unavailable\\); what was fetched is kept in ${partialPathFor(out).replace(/[.]/g, '\\.')}`));
      assert.equal(existsSync(out), false);
      const kept = readFileSync(partialPathFor(out), 'utf8').split('\n').length - 2;
      assert.ok(kept > 300 && kept <= 400, `${kept} records from two pages`);
      failing = false;
      requests = -1000;
      const summary = await fetch({ connection, resume: partialPathFor(out), retry: FAST, settleMs: 0 });
      assert.equal(summary.resumed, kept);
      const ids = readNdjson(out).map((r) => r.activationId);
      assert.equal(new Set(ids).size, ids.length);
      assert.deepEqual(new Set(ids), new Set(await serverIds(filled.ow, { since: filled.since, upto })));
    } finally {
      await proxy.close();
    }
  });
});
