import assert from 'node:assert/strict';
import { float64s } from '../../src/table/shared.js';
import { startSyncWorker } from '../../src/table/threads.js';

const here = new URL('./workers/placeholder.ts', import.meta.url).href;

describe('table/threads: a worker waited for synchronously', () => {
  it('takes the answer of a worker given shared columns, which it reads without a copy', () => {
    const values = float64s(3);
    values.set([1, 2.5, -4]);
    const worker = startSyncWorker<{ doubled: number[]; shared: boolean }>(here, 'echo', { values });
    const answer = worker.take();
    worker.stop();
    assert.deepEqual(answer, { doubled: [2, 5, -8], shared: true });
  });

  it('stops waiting at once, with no answer, when the worker fails while it loads (not after the long wait)', () => {
    const started = performance.now();
    const worker = startSyncWorker<unknown>(here, 'throws-on-load', {}, [], 60_000);
    const answer = worker.take();
    worker.stop();
    assert.equal(answer, null);
    // tsx's loader makes a worker's start slow, but nowhere near the minute it would otherwise wait.
    assert.ok(performance.now() - started < 30_000, `waited ${performance.now() - started} ms`);
  });
});
