// A server that dies without cleaning up (SIGKILL) must not leave container processes behind:
// they notice their stdin closing and exit.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildCActions, isAlive } from './helpers.js';

async function waitUntil(test: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return test();
}

describe('runtime processes when the server is killed', function () {
  this.timeout(20_000); // not mocha's 2 s under --no-config: the holder process starts through tsx
  before(buildCActions);

  it('exit on their own (no orphans)', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'hold-containers.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve) => createInterface({ input: holder.stdout! }).once('line', resolve));
    const pids = JSON.parse(line) as { node: number; native: number };
    assert.ok(isAlive(pids.node) && isAlive(pids.native));
    holder.kill('SIGKILL');
    assert.ok(await waitUntil(() => !isAlive(pids.node) && !isAlive(pids.native), 3000), `still alive: ${JSON.stringify(pids)}`);
  });
});
