// `owbench run` as a user runs it: usage errors, bad experiment files, and the auth key, which
// must appear in no log line, report, output or error message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalWhisk } from '../../src/local/server.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { actionsJs, secretKey, tempDir, writeExperiment } from './helpers.js';

function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

function small(folder: string): string {
  return writeExperiment(folder, {
    name: 'small',
    runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'echo.js') }],
    concurrency: [1, 2],
    repetitions: 2,
    params: { hello: 'world' },
    cold: 'fresh-action',
    order: 'sequential',
  });
}

/** Every file under a folder, as text. */
function allText(folder: string): string {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

function leaks(text: string, key: string): string[] {
  const secret = key.split(':')[1]!;
  const forms = [key, secret, Buffer.from(key).toString('base64'), Buffer.from(secret).toString('base64')];
  return forms.filter((form) => text.includes(form));
}

describe('openwhisk/cli (owbench run)', function () {
  this.timeout(120000);
  const isolated = { HOME: tempDir('owbench-home-'), __OW_API_HOST: '', __OW_API_KEY: '', __OW_NAMESPACE: '', WSK_CONFIG_FILE: '' };

  it('needs an experiment or --resume (exit 2)', () => {
    const result = runCli(['run'], { env: isolated });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^owbench: run: give an experiment file/);
  });

  it('rejects a bad experiment naming the file and field, and writes nothing', () => {
    const folder = tempDir();
    const file = writeExperiment(folder, { name: 'bad', runtimes: [{ name: 'x', kind: 'nodejs:20', memory: 1, code: 'nope.js' }], concurrency: [1], repetitions: 1, cold: 'none' });
    const out = path.join(folder, 'run.ndjson');
    const result = runCli(['run', file, '--out', out], { env: isolated });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `owbench: ${file}: runtimes[0].memory: Too small: expected number to be >=128\n`);
    assert.ok(!existsSync(out));
  });

  it('never overwrites a run log (exit 2)', () => {
    const folder = tempDir();
    const out = path.join(folder, 'run.ndjson');
    writeFileSync(out, 'precious\n');
    const result = runCli(['run', small(folder), '--out', out], { env: isolated });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `owbench: ${out}: a run log is already there; choose another --out, or finish that run with --resume ${out}\n`);
    assert.equal(readFileSync(out, 'utf8'), 'precious\n');
  });

  it('an existing action needs a real deployment (exit 2, field named)', () => {
    const folder = tempDir();
    const file = writeExperiment(folder, { name: 'x', runtimes: [{ name: 'r', kind: 'blackbox', memory: 256, action: 'my/action' }], concurrency: [1], repetitions: 1, cold: 'none' });
    const result = runCli(['run', file, '--out', path.join(folder, 'run.ndjson')], { env: isolated });
    assert.equal(result.status, 2);
    assert.match(result.stderr, new RegExp(`^owbench: ${file.replace(/[.]/g, '\\.')}: runtimes\\[0\\]\\.action: an existing action needs a real deployment`));
  });

  it('the auth key appears nowhere: not in the log, the report, the output', async () => {
    const key = secretKey();
    const server = await startLocalWhisk({ auth: key });
    try {
      const folder = tempDir();
      const out = path.join(folder, 'run.ndjson');
      const report = path.join(folder, 'docs/small.md');
      const result = await runCliAsync(['run', small(folder), '--out', out, '--report', report, '--apihost', server.apihost, '--auth', key], isolated);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /6\/6 planned trials logged, 6 with their activation record/);
      assert.ok(existsSync(report));
      assert.deepEqual(leaks(allText(folder) + result.stdout + result.stderr, key), []);
      // The same through the environment, as a wsk user sets it.
      const viaEnv = await runCliAsync(['run', small(folder), '--out', path.join(folder, 'env.ndjson'), '--no-report'], { ...isolated, __OW_API_HOST: server.apihost, __OW_API_KEY: key });
      assert.equal(viaEnv.status, 0, viaEnv.stderr);
      assert.match(viaEnv.stderr, /host from environment, key from environment/);
      assert.deepEqual(leaks(allText(folder) + viaEnv.stdout + viaEnv.stderr, key), []);
    } finally {
      await server.close();
    }
  });

  it('a rejected key: exit 1, a message that does not repeat it', async () => {
    const server = await startLocalWhisk({ auth: secretKey() });
    try {
      const folder = tempDir();
      const wrong = secretKey();
      const result = await runCliAsync(['run', small(folder), '--out', path.join(folder, 'run.ndjson'), '--no-report', '--apihost', server.apihost, '--auth', wrong], isolated);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /HTTP 401.*check the auth key/);
      assert.deepEqual(leaks(allText(folder) + result.stdout + result.stderr, wrong), []);
    } finally {
      await server.close();
    }
  });

  it('uses ~/.wskprops when no flag or variable is set', async () => {
    const key = secretKey();
    const server = await startLocalWhisk({ auth: key });
    try {
      const home = tempDir('owbench-home-');
      writeFileSync(path.join(home, '.wskprops'), `APIHOST=${server.apihost}\nAUTH=${key}\n`);
      const folder = tempDir();
      const result = await runCliAsync(['run', small(folder), '--out', path.join(folder, 'run.ndjson'), '--no-report'], { ...isolated, HOME: home });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, new RegExp(`host from ${path.join(home, '.wskprops').replace(/[.]/g, '\\.')}`));
      assert.match(result.stdout, new RegExp(`on ${server.apihost.replace(/[.]/g, '\\.')}: 6/6`));
    } finally {
      await server.close();
    }
  });

  it('with nothing configured, starts the embedded OpenWhisk and says so', async () => {
    const folder = tempDir();
    const result = await runCliAsync(['run', small(folder), '--out', path.join(folder, 'run.ndjson'), '--no-report'], isolated);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /no OpenWhisk configured: started the embedded OpenWhisk at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(result.stdout, /on the embedded OpenWhisk: 6\/6 planned trials logged/);
  });
});
