// Stem cells in the pool, with a tiny in-test container factory (the scenario tests use the real
// runtimes): matched by kind and memory, replaced after a take, outside the user-memory budget,
// destroyed on close even while still starting.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/local/config.js';
import { ContainerPool, type ContainerRequest } from '../../../src/local/invoker/pool.js';
import { StemCells } from '../../../src/local/invoker/stem-cells.js';
import { fakeFactory, type Fake } from './fake-factory.js';

/** Ids name the kind, so a test can tell which stem cell a lease took. */
const byKind = (createMs = 0) => fakeFactory(createMs, (kind, n) => `${kind}#${n}`);

const req = (actionKey: string, kind = 'nodejs:20', memoryMb = 256): ContainerRequest => ({ actionKey, kind, memoryMb, timeoutMs: 1000 });
const manifest = [
  { kind: 'nodejs:20', count: 2, memory: 256 },
  { kind: 'wasm:0.1', count: 1, memory: 256 },
];
const options = { userMemoryMb: 512, pauseGraceMs: 10_000, idleTimeoutMs: 60_000, stemCells: manifest };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('stem cells', () => {
  it('are created at prewarm, taken by a cold start of the same kind and memory, and replaced', async () => {
    const { factory, made } = byKind();
    const pool = new ContainerPool(factory, options);
    await pool.prewarm();
    assert.equal(made.length, 3);
    assert.deepEqual(pool.stemCellStats(), [
      { kind: 'nodejs:20', memoryMb: 256, ready: 2, starting: 0, taken: 0 },
      { kind: 'wasm:0.1', memoryMb: 256, ready: 1, starting: 0, taken: 0 },
    ]);
    const lease = await pool.acquire(req('a', 'wasm:0.1'));
    assert.deepEqual([lease.cold, lease.prewarmed, lease.entry.container.id], [true, true, 'wasm:0.1#3']);
    await settle();
    assert.deepEqual(pool.stemCellStats()[1], { kind: 'wasm:0.1', memoryMb: 256, ready: 1, starting: 0, taken: 1 });
    assert.equal(made.length, 4, 'the taken one was replaced');
    pool.release(lease.entry, false);
    const warm = await pool.acquire(req('a', 'wasm:0.1'));
    assert.deepEqual([warm.cold, warm.prewarmed], [false, false], 'a warm container comes before a stem cell');
    await pool.close();
  });

  it('is not taken for another memory or kind: those create a container', async () => {
    const { factory, made } = byKind();
    const pool = new ContainerPool(factory, { ...options, stemCells: [{ kind: 'nodejs:20', count: 1, memory: 256 }] });
    await pool.prewarm();
    const other = await pool.acquire(req('a', 'nodejs:20', 128));
    const blackbox = await pool.acquire(req('b', 'blackbox', 256));
    assert.deepEqual([other.prewarmed, blackbox.prewarmed], [false, false]);
    assert.equal(made.length, 3);
    assert.equal(pool.stemCellStats()[0]!.ready, 1);
    await pool.close();
  });

  it('are outside the user-memory budget; a taken one counts in it and may evict an idle container', async () => {
    const { factory, made } = byKind();
    const pool = new ContainerPool(factory, options);
    await pool.prewarm();
    assert.equal(pool.stats().usedMb, 0, 'three stem cells, no budget used');
    const a = await pool.acquire(req('a', 'blackbox'));
    const b = await pool.acquire(req('b', 'blackbox'));
    pool.release(a.entry, false);
    pool.release(b.entry, false);
    const c = await pool.acquire(req('c'));
    assert.equal(c.prewarmed, true);
    assert.equal((a.entry.container as Fake).destroyed, true, 'the LRU idle container made room');
    assert.deepEqual([pool.stats().usedMb, pool.stats().containers], [512, 2]);
    await settle();
    assert.equal(made.filter((m) => m.kind === 'nodejs:20').length, 3, 'replaced whatever the budget');
    await pool.close();
  });

  it('close() destroys ready stem cells and those still starting', async () => {
    const { factory, made } = byKind(30);
    const pool = new ContainerPool(factory, options);
    await pool.prewarm();
    await pool.acquire(req('a')); // its replacement is still starting when close() runs
    await pool.close();
    assert.equal(made.length, 4);
    assert.ok(made.every((m) => m.destroyed));
    assert.deepEqual(pool.stemCellStats().map((s) => s.ready + s.starting), [0, 0]);
  });

  it('a stem cell that cannot start is reported, and retried by the next cold start of its kind', async () => {
    const { factory } = byKind();
    const reports: string[] = [];
    const cells = new StemCells(factory, [{ kind: 'broken', count: 1, memory: 256 }], (m) => reports.push(m));
    await cells.fill();
    assert.deepEqual(reports, ['a broken stem cell (256 MB) did not start: cannot start']);
    assert.equal(cells.take('broken', 256), undefined);
    await settle();
    assert.equal(reports.length, 2);
    assert.equal(cells.take('nodejs:20', 256), undefined);
    await cells.close();
  });
});

describe('stemCells config', () => {
  it("defaults to OpenWhisk's nodejs:20 manifest entry plus wasm:0.1; [] turns it off", () => {
    assert.deepEqual(resolveConfig({}).stemCells, [
      { kind: 'nodejs:20', count: 2, memory: 256 },
      { kind: 'wasm:0.1', count: 2, memory: 256 },
    ]);
    assert.deepEqual(resolveConfig({ stemCells: [] }).stemCells, []);
  });

  it('names the field of a bad entry: blackbox is never prewarmed, memory within the action limits', () => {
    assert.throws(() => resolveConfig({ stemCells: [{ kind: 'blackbox', count: 1, memory: 256 }] }, 'whisk.json'), /^InputError: whisk\.json: stemCells\[0\]\.kind: /);
    assert.throws(() => resolveConfig({ stemCells: [{ kind: 'wasm:0.1', count: 1, memory: 1024 }] }), /config: stemCells\[0\]\.memory: /);
  });
});
