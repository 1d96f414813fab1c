// The container pool seen from outside, through the openwhisk client: queueing in waitTime when
// concurrency exceeds the pool, idle removal making the next call cold, LRU eviction.
import assert from 'node:assert/strict';
import { annotation, hasAnnotation, sleep, startWhisk, type Record, type Started } from './helpers.js';

const SLEEP_MS = 400;
const SLEEPER = `async function main() { await new Promise(r => setTimeout(r, ${SLEEP_MS})); return { pid: process.pid }; }`;

async function invokeTogether(s: Started, name: string, n: number): Promise<Record[]> {
  const calls = Array.from({ length: n }, () => s.ow.actions.invoke({ name, blocking: true }));
  return (await Promise.all(calls)) as unknown as Record[];
}

const waitTimes = (records: Record[]) => records.map((r) => annotation(r, 'waitTime') as number).sort((a, b) => a - b);

/** The pool's behaviour is the same in Docker; processes tell containers apart by pid (docker.scenarios covers Docker). */
const PROCESSES = { isolation: 'process' } as const;

describe('local server: the container pool through the openwhisk client', function () {
  this.timeout(30_000);

  it('queues activations beyond the user-memory budget: waitTime grows by whole run times', async () => {
    // 512 MB at 256 MB per container: two containers, as in a 1024 MB invoker at 512 MB.
    const s = await startWhisk({ ...PROCESSES, userMemoryMb: 512 });
    try {
      await s.ow.actions.create({ name: 'sleeper', action: SLEEPER });
      const cold = await invokeTogether(s, 'sleeper', 2);
      assert.equal(cold.filter((r) => hasAnnotation(r, 'initTime')).length, 2, 'two containers started');
      const within = await invokeTogether(s, 'sleeper', 2);
      const beyond = await invokeTogether(s, 'sleeper', 6);
      const inside = waitTimes(within);
      const queued = waitTimes(beyond);
      // Warm and within the pool: no queueing. Two at a time beyond it: the 3rd and 4th wait one run, the 5th and 6th two runs.
      assert.ok(inside[1]! < SLEEP_MS / 2, `within the pool: ${inside}`);
      assert.ok(queued[2]! >= SLEEP_MS * 0.9 && queued[3]! >= SLEEP_MS * 0.9, `one run queued: ${queued}`);
      assert.ok(queued[4]! >= SLEEP_MS * 1.9 && queued[5]! >= SLEEP_MS * 1.9, `two runs queued: ${queued}`);
      assert.ok(queued[5]! > inside[1]! + SLEEP_MS, 'waitTime grows with concurrency above the pool size');
      // Queued activations reuse the two warm containers: no new cold starts.
      assert.equal(beyond.filter((r) => hasAnnotation(r, 'initTime')).length, 0);
      assert.equal(new Set(beyond.map((r) => r.response.result.pid)).size, 2);
      for (const r of beyond) assert.equal(r.end - r.start, r.duration);
    } finally {
      await s.whisk.close();
    }
  });

  it('removes idle containers after pause grace + idle timeout, so the next call is cold', async () => {
    const s = await startWhisk({ ...PROCESSES, pauseGraceMs: 100, idleTimeoutMs: 200 });
    try {
      await s.ow.actions.create({ name: 'idle', action: 'function main() { return { pid: process.pid }; }' });
      const first = (await s.ow.actions.invoke({ name: 'idle', blocking: true })) as unknown as Record;
      const warm = (await s.ow.actions.invoke({ name: 'idle', blocking: true })) as unknown as Record;
      assert.equal(hasAnnotation(warm, 'initTime'), false);
      await sleep(150);
      assert.deepEqual({ ...s.whisk.poolStats(), usedMb: undefined }, { containers: 1, busy: 0, paused: 1, usedMb: undefined, queued: 0 });
      await sleep(250);
      assert.equal(s.whisk.poolStats().containers, 0);
      const again = (await s.ow.actions.invoke({ name: 'idle', blocking: true })) as unknown as Record;
      assert.ok(hasAnnotation(again, 'initTime'), 'cold after idle removal');
      assert.notEqual(again.response.result.pid, first.response.result.pid);
    } finally {
      await s.whisk.close();
    }
  });

  it('evicts the least recently used idle container when a new action needs room', async () => {
    const s = await startWhisk({ ...PROCESSES, userMemoryMb: 512 });
    try {
      for (const name of ['a', 'b', 'c']) {
        await s.ow.actions.create({ name, action: 'function main() { return { pid: process.pid }; }' });
      }
      const call = async (name: string) => (await s.ow.actions.invoke({ name, blocking: true })) as unknown as Record;
      await call('a');
      await call('b');
      await call('a'); // b is now the least recently used
      const c = await call('c');
      assert.ok(hasAnnotation(c, 'initTime'));
      assert.equal(hasAnnotation(await call('a'), 'initTime'), false, 'a stayed warm');
      assert.ok(hasAnnotation(await call('b'), 'initTime'), 'b was evicted');
      assert.equal(s.whisk.poolStats().containers, 2);
    } finally {
      await s.whisk.close();
    }
  });
});
