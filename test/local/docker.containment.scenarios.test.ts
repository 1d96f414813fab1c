// Containment in Docker, through the openwhisk client: a SIGKILLed `owbench serve` leaves no
// container and no process (its reaper removes them), setsid children die with their container,
// a 210,000-line log is capped at the log limit with every line kept to its activation, and a
// result above 1 MB gets OpenWhisk's error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import openwhisk from 'openwhisk';
import { buildCActions, repoRoot } from './runtimes/helpers.js';
import { annotation, hasAnnotation, rejection, sleep, startWhisk, type Record, type Started } from './helpers.js';
import { containersOf, nativeAction, processesWith, requireDocker } from './docker-helpers.js';

/** Starts a detached (setsid) Node child that would live forever, marked by `token` on its command line. */
const SPAWNS_SETSID_CHILD = `function main(p) {
  const child = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', p.token], { detached: true, stdio: 'ignore' });
  child.unref();
  return { spawned: true };
}`;
const LOGS_LINES = 'function main(p) { for (let i = 0; i < p.n; i++) console.log(`line ${i} of ${p.tag}`); return { tag: p.tag }; }';

async function until(test: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !test()) await sleep(100);
  return test();
}

async function serveChild(config: object): Promise<{ pid: number; apihost: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'owbench-serve-'));
  writeFileSync(join(folder, 'config.json'), JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'serve', '--port', '0', '--config', join(folder, 'config.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const apihost = await new Promise<string>((resolve) => lines.on('line', (line) => {
    const found = /OpenWhisk API on (http:\/\/\S+)/.exec(line);
    if (found) resolve(found[1]!);
  }));
  return { pid: child.pid!, apihost };
}

describe('local server: containment in Docker (openwhisk client)', function () {
  this.timeout(90_000);
  let s: Started;
  before(async function () {
    buildCActions();
    s = await startWhisk({ stemCells: [] });
    requireDocker(this, s.whisk.isolation.docker, s.whisk.isolation.reason);
  });
  after(async () => s?.whisk.close());
  const invoke = async (name: string, params: object = {}) => (await s.ow.actions.invoke({ name, blocking: true, params })) as unknown as Record;

  for (const isolation of ['docker', 'process'] as const) {
    it(`a SIGKILLed owbench serve (${isolation}) leaves no container and no process behind`, async () => {
      const server = await serveChild({ stemCells: [], pauseGraceMs: 200, isolation });
      const ow = openwhisk({ apihost: server.apihost, api_key: s.whisk.auth });
      const token = `owbench-orphan-${isolation}-${process.pid}-${Date.now()}`;
      await ow.actions.create({ name: 'setsid', action: SPAWNS_SETSID_CHILD, kind: 'nodejs:20' } as never);
      await ow.actions.create({ name: 'native', action: nativeAction('noop') } as never);
      const spawned = (await ow.actions.invoke({ name: 'setsid', blocking: true, params: { token } })) as unknown as Record;
      assert.equal(annotation(spawned, 'isolation'), isolation);
      await ow.actions.invoke({ name: 'native', blocking: true });
      await sleep(400); // past the pause grace: the Docker containers are frozen
      assert.equal(processesWith(token).length, 1, 'the setsid child runs');
      if (isolation === 'docker') assert.deepEqual(containersOf(server.pid).map((c) => c.state), ['paused', 'paused']);
      process.kill(server.pid, 'SIGKILL');
      assert.ok(await until(() => containersOf(server.pid).length === 0 && processesWith(token).length === 0, 20_000),
        `left behind: ${JSON.stringify(containersOf(server.pid))} ${processesWith(token)}`);
    });
  }

  it('kills an action\'s setsid children with its container', async () => {
    const token = `owbench-setsid-${process.pid}-${Date.now()}`;
    await s.ow.actions.create({ name: 'spawner', action: SPAWNS_SETSID_CHILD, kind: 'nodejs:20', limits: { timeout: 1000 } } as never);
    await invoke('spawner', { token });
    assert.equal(processesWith(token).length, 1);
    await s.ow.actions.update({ name: 'spawner', action: 'function main() { return new Promise(() => {}); }', kind: 'nodejs:20', limits: { timeout: 1000 } } as never);
    // the old container stays warm until removed; a timed-out activation destroys its own
    const hung = await rejection(invoke('spawner'));
    assert.equal(hung.error.response.status, 'action developer error');
    await s.whisk.close();
    assert.ok(await until(() => processesWith(token).length === 0, 10_000), 'the setsid child died with its container');
    s = await startWhisk({ stemCells: [] });
  });

  it('caps a 210,000-line log at the log limit, keeps the record and the container, and attributes every line', async () => {
    await s.ow.actions.create({ name: 'chatty', action: LOGS_LINES, kind: 'nodejs:20', limits: { logs: 1 } } as never);
    const loud = await invoke('chatty', { n: 210_000, tag: 'loud' });
    assert.deepEqual(loud.response.result, { tag: 'loud' });
    const stored = (await s.ow.activations.get({ activationId: loud.activationId })) as unknown as Record;
    const last = stored.logs.at(-1)!;
    assert.match(last, /stderr: Logs were truncated because the total bytes size exceeds the limit of 1048576 bytes\.$/);
    const kept = stored.logs.slice(0, -1);
    assert.ok(kept.length > 10_000 && kept.length < 210_000, `${kept.length} lines kept`);
    assert.ok(kept.every((line, i) => line.endsWith(`stdout: line ${i} of loud`)), 'in order, none lost before the cut');
    assert.ok(kept.reduce((sum, line) => sum + Buffer.byteLength(line), 0) <= 1048576, 'within the limit');
    const quiet = await invoke('chatty', { n: 3, tag: 'quiet' });
    assert.equal(hasAnnotation(quiet, 'initTime'), false, 'the same container');
    const next = (await s.ow.activations.get({ activationId: quiet.activationId })) as unknown as Record;
    assert.deepEqual(next.logs.map((l) => l.replace(/^\S+\s+/, '')), ['stdout: line 0 of quiet', 'stdout: line 1 of quiet', 'stdout: line 2 of quiet']);
  });

  it('gives a result above 1 MB OpenWhisk\'s truncation error', async () => {
    await s.ow.actions.create({ name: 'huge', action: 'function main() { return { s: "x".repeat(2 * 1048576) }; }', kind: 'nodejs:20' } as never);
    const failed = await rejection(invoke('huge'));
    const error = failed.error.response.result.error as string;
    assert.equal(failed.error.response.status, 'application error');
    assert.ok(error.startsWith('The action produced a response that exceeded the allowed length: 2097160 > 1048576 bytes. The truncated response was: {"s":"xxx'), error.slice(0, 160));
  });
});
