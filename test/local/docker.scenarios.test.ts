// The Docker backend through the openwhisk client, checked against the docker CLI: a blackbox cold
// start creates a labelled container (no network, memory = swap limit, pids limit), a warm hit
// reuses it, the pause grace freezes it and a warm hit thaws it (in waitTime), the idle timeout
// removes it, so does an eviction; OpenWhisk's memory error for 1 GB under 256 MB, native and
// Node (off-heap); the image check; deflated native zips; removal of a dead server's containers.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalWhisk } from '../../src/index.js';
import { buildCActions, buildDir } from './runtimes/helpers.js';
import { annotation, hasAnnotation, rejection, sleep, startWhisk, type Record, type Started } from './helpers.js';
import { containersOf, inspect, nativeAction, requireDocker } from './docker-helpers.js';

const PAUSE_GRACE_MS = 400;
const IDLE_MS = 1_500;

describe('local server: actions in Docker containers (openwhisk client, docker CLI)', function () {
  this.timeout(60_000);
  let s: Started;
  before(async function () {
    buildCActions();
    s = await startWhisk({ stemCells: [], pauseGraceMs: PAUSE_GRACE_MS, idleTimeoutMs: IDLE_MS });
    requireDocker(this, s.whisk.isolation.docker, s.whisk.isolation.reason);
  });
  after(async () => s?.whisk.close());
  const invoke = async (name: string, params: object = {}) => (await s.ow.actions.invoke({ name, blocking: true, params })) as unknown as Record;

  it('reports Docker isolation at GET / and in the annotations', async () => {
    const info = (await (await fetch(`${s.whisk.apihost}/`)).json()) as { isolation: { docker: boolean; kinds: Record<string, string> } };
    assert.deepEqual(info.isolation.kinds, { 'nodejs:20': 'docker', 'nodejs:default': 'docker', blackbox: 'docker', 'wasm:0.1': 'thread' });
    assert.equal(info.isolation.docker, true);
  });

  it('cold start creates a labelled container; a warm hit reuses it; pause, unpause, idle removal', async () => {
    await s.ow.actions.create({ name: 'alloc', action: nativeAction('alloc') } as never);
    assert.equal(containersOf().length, 0);
    const cold = await invoke('alloc', { mb: 8 });
    assert.deepEqual(cold.response.result, { allocatedMb: 8, pages: 2048 });
    assert.equal(annotation(cold, 'isolation'), 'docker');
    assert.ok(hasAnnotation(cold, 'initTime'));
    const listed = containersOf();
    assert.deepEqual(listed.map((c) => [c.kind, c.state]), [['blackbox', 'running']]);
    const details = inspect(listed[0]!.id);
    assert.equal(details.HostConfig.NetworkMode, 'none');
    assert.equal(details.HostConfig.Memory, 256 * 1024 * 1024);
    assert.equal(details.HostConfig.MemorySwap, 256 * 1024 * 1024, 'no swap above the memory limit');
    assert.ok((details.HostConfig.PidsLimit as number) > 0);
    assert.deepEqual(details.NetworkSettings.Ports ?? {}, {}, 'no TCP port');
    const folder = details.Mounts.find((m) => m.Destination === '/ow')!.Source as string;
    assert.equal(statSync(folder).mode & 0o777, 0o700, 'only the server may open the proxy socket');
    assert.equal(statSync(folder).uid, process.getuid!());
    // (the waitTime of a cold start includes the image inspect and the container creation)
    assert.ok((annotation(cold, 'waitTime') as number) > 20, `waitTime ${annotation(cold, 'waitTime')}`);

    const warm = await invoke('alloc', { mb: 8 });
    assert.equal(hasAnnotation(warm, 'initTime'), false);
    assert.deepEqual(containersOf().map((c) => c.id), [listed[0]!.id], 'the warm hit reused the container');

    await sleep(PAUSE_GRACE_MS + 300);
    assert.equal(containersOf()[0]!.state, 'paused');
    const thawed = await invoke('alloc', { mb: 8 });
    assert.equal(hasAnnotation(thawed, 'initTime'), false);
    assert.ok((annotation(thawed, 'waitTime') as number) >= 1, 'the unpause is in waitTime');
    assert.deepEqual(containersOf().map((c) => [c.id, c.state]), [[listed[0]!.id, 'running']]);

    await sleep(PAUSE_GRACE_MS + IDLE_MS + 800);
    assert.deepEqual(containersOf(), [], 'removed after the idle timeout');
    assert.ok(hasAnnotation(await invoke('alloc', { mb: 8 }), 'initTime'), 'cold again');
  });

  it('1 GB under a 256 MB limit: "The action exhausted its memory and was aborted." (native and Node off-heap)', async () => {
    const failed = await rejection(invoke('alloc', { mb: 1024 }));
    assert.equal(failed.error.response.result.error, 'The action exhausted its memory and was aborted.');
    assert.equal(failed.error.response.status, 'action developer error');
    await s.ow.actions.create({ name: 'offheap', action: 'function main(p) { return { n: Buffer.alloc(p.mb * 1048576, 1).length }; }', kind: 'nodejs:20', limits: { memory: 256 } } as never);
    const node = await rejection(invoke('offheap', { mb: 1024 }));
    assert.equal(node.error.response.result.error, 'The action exhausted its memory and was aborted.');
    assert.equal(annotation(node.error as Record, 'isolation'), 'docker');
    assert.deepEqual((await invoke('offheap', { mb: 16 })).response.result, { n: 16 * 1048576 }, 'a new container after the OOM');
  });

  it('a blackbox image that is not on the machine fails as an unpullable image, inside waitTime', async () => {
    await s.ow.actions.create({ name: 'nothere', action: { exec: { kind: 'blackbox', image: 'example/not-built:1' } } } as never);
    const failed = await rejection(invoke('nothere'));
    assert.equal(failed.error.response.result.error, "Failed to pull container image 'example/not-built:1'.");
    assert.ok(hasAnnotation(failed.error as Record, 'waitTime'));
  });

  it('runs a native action whose zip is deflated (the proxy unzips exec as the action loop does)', async () => {
    const zip = join(mkdtempSync(join(tmpdir(), 'owbench-zip-')), 'action.zip');
    execFileSync('/usr/bin/python3', ['-c', 'import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z: z.write(sys.argv[2], "exec")', zip, join(buildDir, 'native', 'env')]);
    const code = readFileSync(zip).toString('base64');
    await s.ow.actions.create({ name: 'deflated', action: { exec: { kind: 'blackbox', image: 'openwhisk/actionloop-v2', code, binary: true } } } as never);
    const record = await invoke('deflated');
    assert.equal(record.response.success, true, JSON.stringify(record.response));
    assert.equal(annotation(record, 'isolation'), 'docker');
  });

  it('removes at start the containers a dead server left (by label)', async () => {
    const dead = 2 ** 22 + 12345; // above pid_max's default: no such process
    const id = execFileSync('docker', ['create', '--network', 'none', '--label', 'owbench.instance=crashed', '--label', `owbench.pid=${dead}`, 'owbench/actionloop'], { encoding: 'utf8' }).trim();
    assert.equal(containersOf(dead).length, 1);
    const other = await startLocalWhisk({ config: { stemCells: [] } });
    await other.close();
    assert.deepEqual(containersOf(dead), [], `left: ${id}`);
  });

  it('removes the least recently used container when a new action needs its memory (eviction)', async () => {
    const known = new Set(containersOf().map((c) => c.id)); // the suite's own server's, not the small one's
    const small = await startLocalWhisk({ config: { stemCells: [], userMemoryMb: 256 } });
    try {
      const ow = (await import('openwhisk')).default({ apihost: small.apihost, api_key: small.auth });
      await ow.actions.create({ name: 'first', action: nativeAction('noop') } as never);
      await ow.actions.create({ name: 'second', action: nativeAction('noop') } as never);
      await ow.actions.invoke({ name: 'first', blocking: true });
      const before = containersOf().filter((c) => !known.has(c.id));
      assert.equal(before.length, 1);
      const second = (await ow.actions.invoke({ name: 'second', blocking: true })) as unknown as Record;
      assert.ok(hasAnnotation(second, 'initTime'));
      const after = containersOf().filter((c) => !known.has(c.id));
      assert.equal(after.length, 1, 'the pool holds one 256 MB container');
      assert.notEqual(after[0]!.id, before[0]!.id, 'the first was removed to make room');
    } finally {
      await small.close();
    }
  });
});
