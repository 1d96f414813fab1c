// `owbench serve --data DIR` (issue 15 item 6): a server killed with SIGKILL loses no record it
// acknowledged, and a new server on the same folder answers GET /activations for them (list with
// its filters, get, /result, /logs) through the openwhisk client. Without --data the records go to
// a temporary folder that is gone after the server stops. A folder in use is refused (exit 2).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openwhisk from 'openwhisk';
import { GUEST_KEY } from '../../src/index.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import type { Record } from './helpers.js';

interface Served {
  child: ChildProcess;
  ow: ReturnType<typeof openwhisk>;
  stdout: string;
}

async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const apihost = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OpenWhisk API on (http:\/\/\S+)/.exec(out);
      if (match && out.includes('activation records in')) resolve(match[1]!), clearTimeout(timer);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, ow: openwhisk({ apihost, api_key: GUEST_KEY, ignore_certs: true }), stdout: out };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('owbench serve --data: durable activation records', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'owbench-data-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged record through a SIGKILL and serves it after a restart', async () => {
    const first = await serve(['--data', dir]);
    const acknowledged: Record[] = [];
    try {
      await first.ow.actions.create({ name: 'echo', action: 'function main(p) { console.log("log", p.i); return { i: p.i }; }' });
      await first.ow.packages.create({ name: 'pkg' });
      await first.ow.actions.create({ name: 'pkg/odd', action: 'function main(p) { return { error: "odd " + p.i }; }' });
      // 30 blocking invokes, 5 at a time; SIGKILL follows the last answer at once.
      for (let batch = 0; batch < 6; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 5 }, (_, k) => {
            const i = batch * 5 + k;
            const name = i % 3 === 0 ? 'pkg/odd' : 'echo';
            return first.ow.actions.invoke({ name, blocking: true, params: { i } }).catch((e: { error: Record }) => e.error);
          }),
        );
        acknowledged.push(...(answers as Record[]));
      }
    } finally {
      first.child.kill('SIGKILL');
    }
    assert.equal(await exited(first.child), null, 'killed, not stopped');
    assert.equal(acknowledged.filter((r) => typeof r.activationId === 'string').length, 30);

    const second = await serve(['--data', dir]);
    try {
      const ow = second.ow;
      const listed = (await ow.activations.list({ limit: 200 })) as Array<{ activationId: string }>;
      assert.deepEqual(new Set(listed.map((a) => a.activationId)), new Set(acknowledged.map((r) => r.activationId)));
      assert.deepEqual((await ow.activations.list({ count: true, name: 'pkg/odd' })) as object, { activations: 10 });
      const starts = acknowledged.map((r) => r.start).sort((a, b) => a - b);
      const window = (await ow.activations.list({ since: starts[5], upto: starts[14], limit: 200 })) as unknown as Array<{ start: number }>;
      assert.equal(window.length, starts.filter((t) => t >= starts[5]! && t <= starts[14]!).length);
      const page = (await ow.activations.list({ docs: true, skip: 3, limit: 4 })) as Record[];
      assert.deepEqual(page.map((r) => r.activationId), listed.slice(3, 7).map((a) => a.activationId));
      for (const answer of acknowledged) {
        const record = (await ow.activations.get({ activationId: answer.activationId })) as unknown as Record;
        assert.deepEqual({ ...record, logs: [] }, answer, 'the record the blocking invoke answered with');
        assert.deepEqual(await ow.activations.result({ activationId: answer.activationId }), answer.response);
        const { logs } = (await ow.activations.logs({ activationId: answer.activationId })) as { logs: string[] };
        const i = (answer.response.result as { i?: number }).i;
        if (i !== undefined) assert.match(logs[0] ?? '', new RegExp(`stdout: log ${i}$`));
      }

      const busy = runCli(['serve', '--port', '0', '--data', dir]);
      assert.equal(busy.status, 2);
      assert.match(busy.stderr, /the data folder is in use by another server \(process \d+\)/);
      assert.ok(!busy.stderr.includes('    at '));
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });

  it('uses a temporary folder without --data, gone once the server stops', async () => {
    const served = await serve([]);
    const folder = /activation records in (\S+) \(temporary/.exec(served.stdout)?.[1];
    assert.ok(folder && folder.startsWith(tmpdir()), served.stdout);
    await served.ow.actions.create({ name: 'a', action: 'function main() { return {}; }' });
    await served.ow.actions.invoke({ name: 'a', blocking: true });
    assert.ok(existsSync(path.join(folder, 'activations', '000001.ndjson')));
    served.child.kill('SIGTERM');
    assert.equal(await exited(served.child), 0);
    assert.equal(existsSync(folder), false);
  });
});
