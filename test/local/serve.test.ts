// `owbench serve` as a user runs it: the banner, a client pointed at it, a clean stop on SIGTERM
// or SIGINT with every container process gone, and exit 2 for bad flags or config files.
import assert from 'node:assert/strict';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openwhisk from 'openwhisk';
import { GUEST_KEY } from '../../src/index.js';
import { repoRoot, runCli } from '../helpers/cli.js';

interface Served {
  child: ChildProcess;
  apihost: string;
  stdout: () => string;
}

async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const apihost = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /OpenWhisk API on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, apihost, stdout: () => out };
}

/** A config file making `owbench serve` run process containers, which these tests count as its children. */
function processIsolation(): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-serve-')), 'whisk.json');
  writeFileSync(file, JSON.stringify({ isolation: 'process' }));
  return ['--config', file];
}

/** The serve process's children, without tsx's own esbuild service (it runs the CLI from source). */
function childPids(pid: number): number[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there are none
  }
  return listing
    .split('\n')
    .filter((line) => line.trim() && !/esbuild/.test(line))
    .map((line) => Number(line.trim().split(' ')[0]));
}

function commandOf(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('owbench serve', function () {
  this.timeout(120_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`serves the openwhisk client, then stops on ${signal} leaving no container process behind`, async () => {
      const served = await serve(processIsolation());
      assert.match(served.stdout(), /Docker not used \(the configuration asks for process isolation\); actions run as processes/);
      assert.match(served.stdout(), /wsk property set --apihost http:\/\/127\.0\.0\.1:\d+ --auth 23bc46b1-/);
      assert.match(served.stdout(), /export __OW_API_HOST=http:\/\/127\.0\.0\.1:\d+/);
      const ow = openwhisk({ apihost: served.apihost, api_key: GUEST_KEY, ignore_certs: true });
      for (const name of ['a', 'b', 'c']) {
        await ow.actions.create({ name, action: 'function main() { return { pid: process.pid }; }' });
        await ow.actions.invoke({ name, blocking: true });
      }
      // One more still running when the signal arrives.
      await ow.actions.create({ name: 'long', action: 'async function main() { await new Promise(r => setTimeout(r, 20000)); return {}; }' });
      void ow.actions.invoke({ name: 'long', blocking: true }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 1000));
      const children = childPids(served.child.pid!);
      const reapers = children.filter((pid) => /^owbench-reaper /.test(commandOf(pid)));
      const containers = children.filter((pid) => !reapers.includes(pid));
      assert.equal(reapers.length, 1, 'the reaper that would clean up after a SIGKILL');
      // a, b, c, long, and the default manifest's two nodejs:20 stem cells (replaced after a and b took theirs).
      assert.equal(containers.length, 6, `container processes: ${containers}`);
      const exited = new Promise<number | null>((resolve) => served.child.once('exit', (code) => resolve(code)));
      served.child.kill(signal);
      assert.equal(await exited, 0);
      assert.match(served.stdout(), new RegExp(`${signal}: stopping`));
      assert.deepEqual(containers.filter(alive), [], 'no orphan container processes');
      for (let i = 0; i < 50 && reapers.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(reapers.filter(alive), [], 'the reaper is gone too');
    });
  }

  it('never prints a key the user gave', async () => {
    const key = '11111111-2222-3333-4444-555555555555:notTheGuestKeyAtAll';
    const served = await serve(['--auth', key]);
    try {
      assert.ok(!served.stdout().includes('notTheGuestKeyAtAll'));
      assert.match(served.stdout(), /--auth \(the key you gave\)/);
      const ow = openwhisk({ apihost: served.apihost, api_key: key, ignore_certs: true });
      assert.deepEqual(await ow.actions.list(), []);
      const guest = openwhisk({ apihost: served.apihost, api_key: GUEST_KEY, ignore_certs: true });
      await assert.rejects(guest.actions.list(), (e: { statusCode: number }) => e.statusCode === 401);
    } finally {
      served.child.kill('SIGTERM');
    }
  });

  it('exits 2 naming the file and field for a bad config file, and for bad flags', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'owbench-serve-'));
    const file = path.join(dir, 'whisk.json');
    writeFileSync(file, JSON.stringify({ pauseGraceMs: 10, faults: { throttle: { every: 0 } } }));
    const bad = runCli(['serve', '--config', file]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, new RegExp(`^owbench: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: faults\\.throttle\\.every: `));
    assert.ok(!bad.stderr.includes('    at '), 'no stack');
    writeFileSync(file, '{"userMemoryMb": 1024, "extra": true}');
    assert.match(runCli(['serve', '--config', file]).stderr, /whisk\.json: Unrecognized key: "extra"/);
    writeFileSync(file, '{nope');
    assert.match(runCli(['serve', '--config', file]).stderr, /whisk\.json: not valid JSON/);
    assert.equal(runCli(['serve', '--port', 'x']).status, 2);
    assert.equal(runCli(['serve', '--auth', 'no-colon']).status, 2);
  });

  it('exits 2 naming the file and the field when the config requires Docker and there is none', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-serve-')), 'whisk.json');
    writeFileSync(file, JSON.stringify({ isolation: 'docker', dockerSocket: '/nonexistent/docker.sock' }));
    const refused = runCli(['serve', '--port', '0', '--config', file]);
    assert.equal(refused.status, 2);
    assert.equal(refused.stderr, `owbench: ${file}: isolation: 'docker' needs a Docker engine, but no Docker engine at /nonexistent/docker.sock (ENOENT)\n`);
  });
});
