// The server's data folder: a temporary one is removed on release, and swept by the next server
// when its owner was killed; a given one keeps its contents, and its lock refuses a second live
// server but not the leftover of a dead one. Real processes stand for live and dead owners.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDataFolder } from '../../../src/local/store/data-folder.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync('true').pid!;
}

describe('local server: the data folder', function () {
  this.timeout(20_000);
  const made: string[] = [];
  // Spawned when this block runs, not when mocha loads it: a suite can take longer than the sleep.
  let live: ReturnType<typeof spawn>;
  before(() => {
    live = spawn('sleep', ['600']);
  });
  after(() => {
    live.kill();
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  function fakeTemporary(pid: number | undefined): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'owbench-whisk-'));
    if (pid !== undefined) writeFileSync(path.join(dir, 'server.pid'), `${pid}\n`);
    made.push(dir);
    return dir;
  }

  it('makes a temporary folder, removes it on release, and sweeps those of killed servers', () => {
    const orphan = fakeTemporary(deadPid());
    const running = fakeTemporary(live.pid!);
    const starting = fakeTemporary(undefined); // no lock yet: a server between mkdtemp and its lock
    const folder = openDataFolder(undefined);
    assert.ok(folder.temporary && folder.dir.startsWith(path.join(tmpdir(), 'owbench-whisk-')));
    assert.equal(readFileSync(path.join(folder.dir, 'server.pid'), 'utf8'), `${process.pid}\n`);
    assert.equal(existsSync(orphan), false, 'a dead server’s folder is swept');
    assert.ok(existsSync(running) && existsSync(starting));
    folder.release();
    assert.equal(existsSync(folder.dir), false);
  });

  it('keeps a given folder, refuses it while a live server holds it, takes over a dead one’s', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-given-')), 'nested', 'data');
    made.push(path.dirname(path.dirname(dir)));
    const first = openDataFolder(dir);
    writeFileSync(path.join(dir, 'keep.txt'), 'x');
    first.release();
    assert.ok(existsSync(path.join(dir, 'keep.txt')) && !existsSync(path.join(dir, 'server.pid')));

    writeFileSync(path.join(dir, 'server.pid'), `${live.pid}\n`);
    assert.throws(() => openDataFolder(dir), { message: `${dir}: the data folder is in use by another server (process ${live.pid})` });
    writeFileSync(path.join(dir, 'server.pid'), `${deadPid()}\n`);
    const second = openDataFolder(dir);
    assert.equal(readFileSync(path.join(dir, 'server.pid'), 'utf8'), `${process.pid}\n`);
    second.release();
  });

  it('names the folder when it cannot be made', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-given-')), 'a-file');
    made.push(path.dirname(file));
    writeFileSync(file, '');
    assert.throws(() => openDataFolder(file), { message: `${file}: cannot create the data folder (EEXIST)` });
    mkdirSync(`${file}-ok`);
    openDataFolder(`${file}-ok`).release();
  });
});
