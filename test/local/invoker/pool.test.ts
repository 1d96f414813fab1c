// The pool's scheduling rules on their own, with a tiny in-test container factory (the scenario
// tests use the real runtimes): budget, warm reuse, LRU eviction, FIFO head-of-line queueing,
// idle removal, destroy on release, shutdown.
import assert from 'node:assert/strict';
import { ContainerPool, type ContainerRequest } from '../../../src/local/invoker/pool.js';
import { fakeFactory, type Fake } from './fake-factory.js';

const req = (actionKey: string, memoryMb = 256): ContainerRequest => ({ actionKey, kind: 'nodejs:20', memoryMb, timeoutMs: 1000 });
const options = { userMemoryMb: 512, pauseGraceMs: 10_000, idleTimeoutMs: 60_000 };
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('ContainerPool', () => {
  it('creates cold, then reuses the warm container of the same action', async () => {
    const { factory, made } = fakeFactory();
    const pool = new ContainerPool(factory, options);
    const first = await pool.acquire(req('a@1'));
    assert.equal(first.cold, true);
    pool.release(first.entry, false);
    const second = await pool.acquire(req('a@1'));
    assert.equal(second.cold, false);
    assert.equal(second.entry, first.entry);
    const otherVersion = await pool.acquire(req('a@2'));
    assert.equal(otherVersion.cold, true, 'a new version gets a new container');
    assert.equal(made.length, 2);
    await pool.close();
  });

  it('keeps the memory in use within the budget and queues FIFO (head-of-line) when full', async () => {
    const { factory } = fakeFactory();
    const pool = new ContainerPool(factory, options);
    const a = await pool.acquire(req('a'));
    const b = await pool.acquire(req('b'));
    const order: string[] = [];
    const c = pool.acquire(req('c')).then((l) => (order.push('c'), l));
    const a2 = pool.acquire(req('a')).then((l) => (order.push('a'), l));
    await tick();
    assert.deepEqual(pool.stats(), { containers: 2, busy: 2, paused: 0, usedMb: 512, queued: 2 });
    // `a` frees: the head (c) evicts the idle `a` container; the second `a` must wait behind it.
    pool.release(a.entry, false);
    const cLease = await c;
    assert.equal(cLease.cold, true);
    assert.equal(a.entry.container.id, 'c1');
    assert.equal((a.entry.container as Fake).destroyed, true, 'the idle container was evicted for c');
    assert.deepEqual(order, ['c']);
    pool.release(b.entry, false);
    const aLease = await a2;
    assert.equal(aLease.cold, true);
    assert.deepEqual(order, ['c', 'a']);
    assert.ok(pool.stats().usedMb <= 512);
    await pool.close();
  });

  it('evicts the least recently used idle container first', async () => {
    const { factory } = fakeFactory();
    const pool = new ContainerPool(factory, options);
    const a = await pool.acquire(req('a'));
    const b = await pool.acquire(req('b'));
    pool.release(b.entry, false);
    await tick();
    pool.release(a.entry, false); // a used more recently than b
    await pool.acquire(req('c'));
    assert.equal((b.entry.container as Fake).destroyed, true);
    assert.equal((a.entry.container as Fake).destroyed, false);
    await pool.close();
  });

  it('evicts several small containers for one big one, only if that frees enough', async () => {
    const { factory } = fakeFactory();
    const pool = new ContainerPool(factory, { ...options, userMemoryMb: 512 });
    const small = [await pool.acquire(req('s1', 128)), await pool.acquire(req('s2', 128)), await pool.acquire(req('s3', 256))];
    pool.release(small[0]!.entry, false);
    const big = pool.acquire(req('big', 512));
    await tick();
    assert.equal(pool.stats().queued, 1, '128 MB idle is not enough: wait');
    pool.release(small[1]!.entry, false);
    pool.release(small[2]!.entry, false);
    const lease = await big;
    assert.equal(lease.cold, true);
    assert.ok(small.every((l) => (l.entry.container as Fake).destroyed));
    assert.equal(pool.stats().usedMb, 512);
    await pool.close();
  });

  it('pauses idle containers after the pause grace and removes them after the idle timeout', async () => {
    const { factory, made } = fakeFactory();
    const pool = new ContainerPool(factory, { ...options, pauseGraceMs: 30, idleTimeoutMs: 60 });
    const lease = await pool.acquire(req('a'));
    pool.release(lease.entry, false);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(pool.stats().paused, 1);
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(pool.stats(), { containers: 0, busy: 0, paused: 0, usedMb: 0, queued: 0 });
    assert.equal(made[0]!.destroyed, true);
    await pool.close();
  });

  it('destroys containers released after a failure, and frees their memory', async () => {
    const { factory, made } = fakeFactory();
    const pool = new ContainerPool(factory, options);
    const lease = await pool.acquire(req('a'));
    pool.release(lease.entry, true);
    await tick();
    assert.equal(made[0]!.destroyed, true);
    assert.equal(pool.stats().usedMb, 0);
    assert.equal((await pool.acquire(req('a'))).cold, true);
    await pool.close();
  });

  it('rejects actions bigger than the pool and containers that cannot start, without leaking memory', async () => {
    const { factory } = fakeFactory();
    const pool = new ContainerPool(factory, options);
    await assert.rejects(pool.acquire(req('huge', 1024)), /needs 1024 MB but the pool has 512 MB/);
    await assert.rejects(pool.acquire({ ...req('x'), kind: 'broken' }), /cannot start/);
    assert.equal(pool.stats().usedMb, 0);
    await pool.close();
  });

  it('close() destroys every container, busy or idle, and rejects the queue', async () => {
    const { factory, made } = fakeFactory(20);
    const pool = new ContainerPool(factory, options);
    const a = await pool.acquire(req('a'));
    const b = await pool.acquire(req('b'));
    pool.release(b.entry, false);
    const queued = pool.acquire(req('c', 512));
    const rejected = assert.rejects(queued, /shutting down/);
    await pool.close();
    await rejected;
    assert.ok(made.every((c) => c.destroyed));
    assert.equal(pool.stats().containers, 0);
    void a;
  });
});
