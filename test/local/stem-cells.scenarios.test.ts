// Prewarmed stem cells through the openwhisk client: a cold nodejs:20 or wasm:0.1 activation that
// takes one still has initTime but no container start in waitTime, the stem cell is replaced, and
// close() leaves no stem-cell process behind. Without stem cells the start shows in waitTime.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import openwhisk from 'openwhisk';
import { startLocalWhisk, type LocalWhisk, type LocalWhiskConfig } from '../../src/index.js';
import type { ContainerFactory } from '../../src/local/container.js';
import { createRuntimeFactory } from '../../src/local/runtimes/index.js';
import { annotation, hasAnnotation, sleep, type Client, type Record } from './helpers.js';
import { buildCActions, buildDir, childrenOf, isAlive } from './runtimes/helpers.js';

const NODE_ACTION = 'function main() { return { pid: process.pid }; }';
/** Added to every real container start, so a start inside waitTime cannot be mistaken for noise. */
const SLOW_START_MS = 400;

function slowStarts(): ContainerFactory {
  const real = createRuntimeFactory();
  return async (kind, limits) => {
    await sleep(SLOW_START_MS);
    return real(kind, limits);
  };
}

async function start(config: LocalWhiskConfig, containerFactory?: ContainerFactory): Promise<{ whisk: LocalWhisk; ow: Client }> {
  // The stem cells are counted as child processes of this one: process isolation (docker.scenarios tests Docker).
  const whisk = await startLocalWhisk({ config: { isolation: 'process', ...config }, ...(containerFactory ? { containerFactory } : {}) });
  return { whisk, ow: openwhisk({ apihost: whisk.apihost, api_key: whisk.auth, ignore_certs: true }) };
}

async function coldStarts(ow: Client): Promise<{ node: Record; wasm: Record }> {
  await ow.actions.create({ name: 'js', action: NODE_ACTION });
  await ow.actions.create({ name: 'wasm', action: readFileSync(path.join(buildDir, 'wasm', 'noop.wasm')), kind: 'wasm:0.1' });
  const node = (await ow.actions.invoke({ name: 'js', blocking: true })) as unknown as Record;
  const wasm = (await ow.actions.invoke({ name: 'wasm', blocking: true })) as unknown as Record;
  for (const record of [node, wasm]) {
    assert.equal(record.response.status, 'success');
    assert.ok(hasAnnotation(record, 'initTime'), `${annotation(record, 'kind')}: a cold start still runs /init`);
  }
  return { node, wasm };
}

const waitTime = (record: Record) => annotation(record, 'waitTime') as number;

/** A nodejs container process (not, say, a tsx/esbuild helper that started meanwhile). */
function isNodeContainer(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--max-old-space-size=');
  } catch {
    return false;
  }
}

async function until(test: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!test() && Date.now() < deadline) await sleep(20);
  return test();
}

describe('local server: prewarmed stem cells through the openwhisk client', function () {
  this.timeout(30_000);
  before(buildCActions);

  it('by default prewarms nodejs:20 and wasm:0.1 (2 × 256 MB each); a cold start takes one, which is replaced', async () => {
    const before = new Set(childrenOf(process.pid));
    const { whisk, ow } = await start({});
    const stemProcesses = childrenOf(process.pid).filter((pid) => !before.has(pid) && isNodeContainer(pid));
    try {
      assert.deepEqual(whisk.stemCells(), [
        { kind: 'nodejs:20', memoryMb: 256, ready: 2, starting: 0, taken: 0 },
        { kind: 'wasm:0.1', memoryMb: 256, ready: 2, starting: 0, taken: 0 },
      ]);
      assert.equal(stemProcesses.length, 2, 'two nodejs stem-cell processes (wasm ones are threads)');
      const { node, wasm } = await coldStarts(ow);
      assert.ok(stemProcesses.includes(node.response.result.pid as number), 'the action ran in a stem-cell process');
      assert.ok(waitTime(node) < 150 && waitTime(wasm) < 150, `waitTime: ${waitTime(node)}, ${waitTime(wasm)}`);
      const replaced = () => whisk.stemCells().every((s) => s.ready === 2 && s.taken === 1);
      assert.ok(await until(replaced), `replaced: ${JSON.stringify(whisk.stemCells())}`);
      assert.deepEqual({ ...whisk.poolStats(), usedMb: undefined }, { containers: 2, busy: 0, paused: 0, usedMb: undefined, queued: 0 });
    } finally {
      await whisk.close();
    }
    const left = childrenOf(process.pid).filter((pid) => !before.has(pid) && isNodeContainer(pid));
    assert.deepEqual([...stemProcesses, ...left].filter(isAlive), [], 'close() destroyed every stem cell and container');
  });

  it('keeps a slow container start out of waitTime when a stem cell matches', async () => {
    const stemCells = [
      { kind: 'nodejs:20' as const, count: 1, memory: 256 },
      { kind: 'wasm:0.1' as const, count: 1, memory: 256 },
    ];
    const { whisk, ow } = await start({ stemCells }, slowStarts());
    try {
      const { node, wasm } = await coldStarts(ow);
      assert.ok(waitTime(node) < SLOW_START_MS / 2 && waitTime(wasm) < SLOW_START_MS / 2, `waitTime: ${waitTime(node)}, ${waitTime(wasm)}`);
    } finally {
      await whisk.close();
    }
  });

  it('without stem cells (stemCells: []) the container start is part of waitTime', async () => {
    const { whisk, ow } = await start({ stemCells: [] }, slowStarts());
    try {
      assert.deepEqual(whisk.stemCells(), []);
      const { node, wasm } = await coldStarts(ow);
      assert.ok(waitTime(node) >= SLOW_START_MS && waitTime(wasm) >= SLOW_START_MS, `waitTime: ${waitTime(node)}, ${waitTime(wasm)}`);
    } finally {
      await whisk.close();
    }
  });
});
