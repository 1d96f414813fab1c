// The CLI's edges (issue 15, item 3): output paths that are folders, a closed pipe, a folder as
// input, a missing data folder, an unreachable API host, a run that never started, and where a
// run's document goes. Each is exit 2 (or a quiet exit) with nothing written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import * as msg from '../../src/cli/messages.js';
import { startLocalWhisk } from '../../src/local/server.js';
import { repoRoot, runCli, runCliAsync } from '../helpers/cli.js';
import { actionsJs, secretKey, tempDir, writeExperiment } from '../openwhisk/helpers.js';

const seed = path.join(repoRoot, 'data/seed-pair/activations.json');
const isolated = { HOME: tempDir('owbench-home-'), __OW_API_HOST: '', __OW_API_KEY: '', __OW_NAMESPACE: '', WSK_CONFIG_FILE: '' };

function tiny(folder: string): string {
  return writeExperiment(folder, {
    name: 'tiny',
    runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'noop.js') }],
    concurrency: [1],
    repetitions: 1,
    cold: 'fresh-action',
  });
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('cli: edges', function () {
  this.timeout(120_000);

  it('report --out naming an existing folder, or ending in "/": exit 2, nothing written', () => {
    const folder = tempDir('owbench-out-');
    const existing = path.join(folder, 'docs');
    mkdirSync(existing);
    const into = runCli(['report', seed, '--out', existing]);
    assert.equal(into.status, 2);
    assert.equal(into.stderr, `owbench: ${msg.outIsDirectory('--out', existing)}\n`);
    assert.deepEqual(readdirSync(existing), []);
    const slash = runCli(['report', seed, '--out', path.join(folder, 'new/')]);
    assert.equal(slash.status, 2, slash.stderr);
    assert.equal(existsSync(path.join(folder, 'new')), false);
    writeFileSync(path.join(folder, 'plain'), 'x');
    const under = runCli(['report', seed, '--out', path.join(folder, 'plain/doc.md')]);
    assert.equal(under.status, 2);
    assert.equal(under.stderr, `owbench: ${msg.outParentNotDirectory('--out', path.join(folder, 'plain/doc.md'), path.join(folder, 'plain'))}\n`);
    assert.deepEqual(readdirSync(folder).sort(), ['docs', 'plain']);
  });

  it('report --json-model | head: exits quietly when the reader goes away (EPIPE)', () => {
    const cli = `${JSON.stringify(process.execPath)} --import tsx src/cli.ts report data/runs/demo.ndjson --json-model`;
    const result = spawnSync('bash', ['-c', `set -o pipefail; ${cli} | head -c 20 >/dev/null`], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });

  it('a folder as input says "is a directory"; docs --data on a missing folder is exit 2', () => {
    const folder = tempDir('owbench-in-');
    const input = runCli(['analyze', folder]);
    assert.equal(input.status, 2);
    assert.equal(input.stderr, `owbench: ${folder}: is a directory: expected a file of activation data\n`);
    for (const [args, what] of [[['run', folder], 'the experiment file'], [['run', '--resume', folder], 'the run log'], [['serve', '--config', folder], 'the config file']]) {
      const result = runCli(args as string[], { env: isolated });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, `owbench: ${folder}: is a directory: expected ${what as string}\n`);
    }
    const out = path.join(folder, 'docs');
    const docs = runCli(['docs', '--data', path.join(folder, 'missing'), '--out', out]);
    assert.equal(docs.status, 2);
    assert.equal(docs.stderr, `owbench: ${msg.dataFolderMissing(path.join(folder, 'missing'))}\n`);
    assert.equal(existsSync(out), false, 'no empty index was written');
  });

  it('an unreachable API host: "could not connect", the host named, exit 2, no run log', async () => {
    const folder = tempDir();
    const host = `http://127.0.0.1:${await closedPort()}`;
    const log = path.join(folder, 'run.ndjson');
    const result = runCli(['run', tiny(folder), '--out', log, '--apihost', host], { env: { ...isolated, __OW_API_KEY: secretKey() } });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`owbench: could not connect to the API host ${host}: connect ECONNREFUSED`));
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(existsSync(log), false);
  });

  it('a run that could not start (the key refused at the first deploy) leaves no header-only run log', async () => {
    const server = await startLocalWhisk({ auth: secretKey() });
    try {
      const folder = tempDir();
      const log = path.join(folder, 'run.ndjson');
      const result = await runCliAsync(['run', tiny(folder), '--out', log, '--apihost', server.apihost], { env: { ...isolated, __OW_API_KEY: secretKey() } });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, /HTTP 401/);
      assert.equal(existsSync(log), false);
    } finally {
      await server.close();
    }
  });

  it('run --out X writes no document into the current folder\'s docs/ unless --report asks', () => {
    const cwd = tempDir('owbench-cwd-');
    const plain = runCli(['run', tiny(cwd), '--out', path.join(cwd, 'logs/a.ndjson'), '--quiet'], { cwd, env: isolated });
    assert.equal(plain.status, 0, plain.stderr);
    assert.doesNotMatch(plain.stdout, /^report:/m);
    assert.equal(existsSync(path.join(cwd, 'docs')), false);
    const asked = runCli(['run', tiny(cwd), '--out', path.join(cwd, 'logs/b.ndjson'), '--report', path.join(cwd, 'b.md'), '--quiet'], { cwd, env: isolated });
    assert.equal(asked.status, 0, asked.stderr);
    assert.ok(existsSync(path.join(cwd, 'b.md')));
    assert.equal(existsSync(path.join(cwd, 'docs')), false);
  });
});
