// `owbench fetch` as a user runs it (a child process; connection from __OW_API_HOST/__OW_API_KEY,
// so the key is in no process list) against the embedded server: 5,000 activations pulled while
// another client keeps invoking, each once; a pull killed mid-way and resumed; the output read by
// `owbench analyze` with the same figures as the same records fetched directly; bad flags and
// unreachable hosts answered with a named message, exit 2 and nothing written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fetchMessages as msg } from '../../src/openwhisk/fetch-messages.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { countAll, readNdjson, serverIds, sleep, startFilled, startWriter, waitQuiet, type Filled } from '../openwhisk/fetch-helpers.js';
import { tempDir } from '../openwhisk/helpers.js';

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a child that does not block this process (the embedded server answers from here). */
function owbench(args: string[], env: NodeJS.ProcessEnv, onStart: (pid: number) => void = () => {}): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: '', HOME: tempDir('owbench-home-'), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  onStart(child.pid!);
  return new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
}

/** Deep equality with numbers equal to 1e-9 relative, skipping bootstrap intervals (`ci`). */
function assertSameFigures(a: unknown, b: unknown, place: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)), `${place}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    assert.equal(a.length, b.length, `${place}: length`);
    a.forEach((item, i) => assertSameFigures(item, b[i], `${place}[${i}]`));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = (o: object) => Object.keys(o).filter((k) => k !== 'ci').sort();
    assert.deepEqual(keys(a), keys(b), `${place}: keys`);
    for (const key of keys(a)) assertSameFigures((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${place}.${key}`);
  } else {
    assert.equal(a, b, place);
  }
}

/** The window's upper end as the summary line prints it. */
function uptoOf(summary: string): number {
  const match = /… (\S+Z)/.exec(summary);
  assert.ok(match, summary);
  return Date.parse(match[1]!);
}

describe('owbench fetch', function () {
  this.timeout(240_000);
  let filled: Filled;
  let env: NodeJS.ProcessEnv;
  let secret: string;
  before(async () => {
    filled = await startFilled(5000, 300);
    env = { __OW_API_HOST: filled.server.apihost, __OW_API_KEY: filled.server.auth };
    secret = filled.server.auth.split(':')[1]!;
  });
  after(() => filled.server.close());

  it('pulls 5,000 activations while another client keeps invoking; the file holds each exactly once', async () => {
    const { ow, since } = filled;
    const folder = tempDir('owbench-fetch-cli-');
    const out = path.join(folder, 'pulled.ndjson');
    const writer = startWriter(ow);
    const writing = Date.now();
    while ((await countAll(ow, { since: writing })) < 20) await sleep(50);
    const result = await owbench(['fetch', '--since', String(since), '--out', out], env);
    const during = await writer.stop();
    await waitQuiet(ow, 0, filled.storeLagMs);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '', 'no progress output on a pipe');
    assert.equal(result.stdout.split('\n').length, 2, 'one summary line');
    const upto = uptoOf(result.stdout);
    const ids = readNdjson(out).map((r) => r.activationId);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 5000);
    assert.deepEqual(new Set(ids), new Set(await serverIds(ow, { since, upto })));
    assert.ok(during > 0 && (await countAll(ow, { since: upto + 1 })) > 0, 'the store grew during the pull');
    assert.match(result.stdout, new RegExp(`^fetched ${ids.length} activations`));
    assert.deepEqual(readdirSync(folder), ['pulled.ndjson'], 'no temp or partial file left');
    for (const text of [result.stdout, readFileSync(out, 'utf8')]) assert.equal(text.includes(secret), false);
  });

  it('resumes a pull killed mid-way: nothing lost, nothing twice', async () => {
    const { ow, since } = filled;
    const folder = tempDir('owbench-fetch-cli-');
    const out = path.join(folder, 'killed.ndjson');
    const partial = `${out}.partial`;
    const upto = Date.now();
    const killed = await owbench(['fetch', '--since', String(since), '--upto', String(upto), '--out', out], env, (pid) => {
      const poll = setInterval(() => {
        // About a fifth of the records on disk: kill it where it stands.
        if (existsSync(partial) && statSync(partial).size > 500_000) {
          clearInterval(poll);
          process.kill(pid, 'SIGKILL');
        }
      }, 2);
    });
    assert.equal(killed.signal, 'SIGKILL', `the pull ended before it was killed: ${killed.stdout}`);
    assert.equal(existsSync(out), false);
    const kept = readFileSync(partial, 'utf8').split('\n').length - 2;
    const resumed = await owbench(['fetch', '--resume', partial], env);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stdout, /of them from the interrupted pull/);
    const ids = readNdjson(out).map((r) => r.activationId);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(new Set(ids), new Set(await serverIds(ow, { since, upto })));
    assert.ok(kept > 0 && kept < ids.length, `${kept} of ${ids.length} were in the partial file`);
    assert.deepEqual(readdirSync(folder), ['killed.ndjson']);
  });

  it('stops on Ctrl-C saying how to resume', async () => {
    const folder = tempDir('owbench-fetch-cli-');
    const out = path.join(folder, 'interrupted.ndjson');
    const partial = `${out}.partial`;
    const stopped = await owbench(['fetch', '--since', String(filled.since), '--out', out], env, (pid) => {
      const poll = setInterval(() => {
        if (existsSync(partial) && statSync(partial).size > 200_000) {
          clearInterval(poll);
          process.kill(pid, 'SIGINT');
        }
      }, 2);
    });
    assert.equal(stopped.status, 130, stopped.stderr);
    assert.equal(stopped.stderr, `\nowbench: fetch interrupted; what was fetched is in ${partial}: finish with owbench fetch --resume ${partial}\n`);
    assert.deepEqual(readdirSync(folder), ['interrupted.ndjson.partial']);
  });

  it('writes an ordinary input: owbench analyze gives the figures of the same records fetched directly', async () => {
    const { ow, since } = filled;
    const folder = tempDir('owbench-fetch-cli-');
    const out = path.join(folder, 'window.ndjson');
    // An upto in the future means: up to the time the pull starts.
    const result = await owbench(['fetch', '--since', new Date(since).toISOString(), '--upto', String(since + 3_600_000), '--out', out], env);
    assert.equal(result.status, 0, result.stderr);
    const upto = uptoOf(result.stdout);
    assert.ok(upto < since + 3_600_000);
    // The same window, fetched directly: full records by skip (the store is quiet now), as one JSON array.
    const direct: unknown[] = [];
    for (let skip = 0; ; skip += 200) {
      const page = (await ow.activations.list({ since, upto, skip, limit: 200, docs: true } as never)) as unknown as unknown[];
      direct.push(...page);
      if (page.length < 200) break;
    }
    const directFile = path.join(folder, 'direct.json');
    writeFileSync(directFile, JSON.stringify(direct));
    const fetched = runCli(['analyze', '--json', out]);
    const listed = runCli(['analyze', '--json', directFile]);
    assert.equal(fetched.status, 0, fetched.stderr);
    const a = JSON.parse(fetched.stdout);
    const b = JSON.parse(listed.stdout);
    assert.ok(a.groups.length >= 1);
    assert.equal(a.groups.reduce((sum: number, g: { count: number; errors: number }) => sum + g.count + g.errors, 0), direct.length);
    // Point figures agree (to float rounding: the two files list the records in other orders);
    // resampled intervals depend on the order and are left out.
    assertSameFigures(a.groups, b.groups, 'groups');
    assertSameFigures(a.speedups, b.speedups, 'speedups');
  });

  it('shows a progress bar on a terminal', async () => {
    const folder = tempDir('owbench-fetch-cli-');
    const out = path.join(folder, 'tty.ndjson');
    const command = [process.execPath, '--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'fetch', '--since', String(filled.since), '--out', out].join(' ');
    // script(1) runs the command on a pseudo-terminal and copies what it shows to its stdout.
    const shown = await new Promise<string>((resolve) => {
      const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, ...env, NODE_EXTRA_CA_CERTS: '' } });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.on('close', () => resolve(text));
    });
    assert.match(shown, /fetch [█░]+ \d+\/\d+ activations/);
    assert.match(shown, /fetched \d+ activations/);
    assert.equal(shown.includes(secret), false);
  });

  describe('bad arguments: a named message, exit 2, nothing written', () => {
    const cases: [string, (folder: string) => string[], (folder: string) => string][] = [
      ['no --out', () => ['fetch'], () => msg.outRequired],
      ['--limit 0', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--limit', '0'], () => msg.badLimit('0')],
      ['--limit abc', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--limit', 'abc'], () => msg.badLimit('abc')],
      ['--settle soon', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--settle', 'soon'], () => msg.badSettle('soon')],
      ['--since yesterday', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--since', 'yesterday'], () => msg.badInstant('--since', 'yesterday')],
      ['--upto 2026-13-45', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--upto', '2026-13-45'], () => msg.badInstant('--upto', '2026-13-45')],
      ['--since after --upto', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--since', '2000', '--upto', '1000'], () => msg.emptyWindow(2000, 1000)],
      ['--name a/b/c', (f) => ['fetch', '--out', path.join(f, 'x.ndjson'), '--name', 'a/b/c'], () => msg.badName('a/b/c')],
      ['--out x.partial', (f) => ['fetch', '--out', path.join(f, 'x.partial')], (f) => msg.outIsPartial(path.join(f, 'x.partial'))],
      ['--resume of a non-partial file', (f) => ['fetch', '--resume', path.join(f, 'x.ndjson')], (f) => msg.resumeNotPartial(path.join(f, 'x.ndjson'))],
      ['--resume of a missing file', (f) => ['fetch', '--resume', path.join(f, 'x.ndjson.partial')], (f) => `${path.join(f, 'x.ndjson.partial')}: ${msg.resumeUnreadable}`],
    ];
    for (const [title, args, message] of cases) {
      it(title, async () => {
        const folder = tempDir('owbench-fetch-bad-');
        const result = await owbench(args(folder), env);
        assert.equal(result.status, 2, result.stderr);
        assert.equal(result.stderr, `owbench: ${message(folder)}\n`);
        assert.deepEqual(readdirSync(folder), []);
      });
    }

    it('an interrupted pull in the way, a changed window on resume', async () => {
      const folder = tempDir('owbench-fetch-bad-');
      const partial = path.join(folder, 'x.ndjson.partial');
      const header = { type: 'fetch', version: 1, apihost: filled.server.apihost, namespace: '_', name: null, since: null, upto: 5000, limit: null, started: '2026-12-01T00:00:00.000Z' };
      writeFileSync(partial, JSON.stringify(header) + '\n');
      const inTheWay = await owbench(['fetch', '--out', path.join(folder, 'x.ndjson')], env);
      assert.equal(inTheWay.status, 2);
      assert.equal(inTheWay.stderr, `owbench: ${msg.partialExists(partial)}\n`);
      const changed = await owbench(['fetch', '--resume', partial, '--upto', '6000'], env);
      assert.equal(changed.status, 2);
      assert.equal(changed.stderr, `owbench: ${msg.resumeConflict('--upto', '5000', '6000')}\n`);
      assert.deepEqual(readdirSync(folder), ['x.ndjson.partial']);
      assert.equal(readFileSync(partial, 'utf8'), JSON.stringify(header) + '\n', 'the interrupted pull is untouched');
    });

    it('no OpenWhisk configured, an unreachable host, a rejected key', async () => {
      const folder = tempDir('owbench-fetch-bad-');
      const out = path.join(folder, 'x.ndjson');
      const none = await owbench(['fetch', '--out', out], {});
      assert.equal(none.status, 2);
      assert.equal(none.stderr, `owbench: ${msg.noConnection}\n`);
      const unreachable = await owbench(['fetch', '--out', out], { ...env, __OW_API_HOST: 'http://127.0.0.1:1' });
      assert.equal(unreachable.status, 2);
      assert.match(unreachable.stderr, /^owbench: could not connect to http:\/\/127\.0\.0\.1:1 \(.*ECONNREFUSED.*\)\n$/);
      const wrongKey = `${filled.server.auth.split(':')[0]}:${'x'.repeat(64)}`;
      const rejected = await owbench(['fetch', '--out', out], { ...env, __OW_API_KEY: wrongKey });
      assert.equal(rejected.status, 2);
      assert.equal(rejected.stderr, `owbench: ${msg.authRejected(filled.server.apihost, 401)}\n`);
      for (const result of [none, unreachable, rejected]) {
        assert.equal(result.stdout, '');
        assert.equal(result.stderr.includes(secret) || result.stderr.includes('x'.repeat(64)), false);
      }
      assert.deepEqual(readdirSync(folder), []);
    });
  });
});
