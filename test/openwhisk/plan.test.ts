import assert from 'node:assert/strict';
import { mulberry32, planBatches, shuffled } from '../../src/openwhisk/plan.js';

const runtimes = [{ name: 'a' }, { name: 'b' }, { name: 'c' }] as never;

describe('openwhisk/plan', () => {
  it('plans runtimes × Σ levels × repetitions trials, each once', () => {
    const batches = planBatches({ runtimes, concurrency: [1, 2, 5], repetitions: 4, order: 'interleaved', seed: 3 });
    const trials = batches.flatMap((batch) => batch.trials.map((trial) => trial.trial));
    assert.equal(trials.length, 3 * (1 + 2 + 5) * 4);
    assert.equal(new Set(trials).size, trials.length);
    assert.ok(batches.every((batch) => batch.trials.length === batch.concurrency));
    assert.equal(batches[0]!.trials[0]!.trial.split('/').length, 4);
  });

  it('interleaves: every (level, repetition) block holds each runtime once, shuffled by the seed', () => {
    const batches = planBatches({ runtimes, concurrency: [1, 2], repetitions: 10, order: 'interleaved', seed: 42 });
    for (let block = 0; block < batches.length / 3; block++) {
      const slice = batches.slice(block * 3, block * 3 + 3);
      assert.deepEqual(slice.map((batch) => batch.runtime).sort(), ['a', 'b', 'c']);
      assert.equal(new Set(slice.map((batch) => `${batch.concurrency}/${batch.repetition}`)).size, 1);
    }
    const orders = new Set(batches.map((_, i) => i).filter((i) => i % 3 === 0).map((i) => batches.slice(i, i + 3).map((b) => b.runtime).join('')));
    assert.ok(orders.size > 1, 'the order varies between blocks');
    const again = planBatches({ runtimes, concurrency: [1, 2], repetitions: 10, order: 'interleaved', seed: 42 });
    assert.deepEqual(again, batches, 'same seed, same plan');
    const other = planBatches({ runtimes, concurrency: [1, 2], repetitions: 10, order: 'interleaved', seed: 43 });
    assert.notDeepEqual(other.map((b) => b.runtime), batches.map((b) => b.runtime));
  });

  it('runs sequentially runtime by runtime, level by level', () => {
    const batches = planBatches({ runtimes, concurrency: [2, 1], repetitions: 2, order: 'sequential' });
    assert.deepEqual(batches.map((b) => `${b.runtime}${b.concurrency}${b.repetition}`).slice(0, 5), ['a21', 'a22', 'a11', 'a12', 'b21']);
  });

  it('mulberry32 matches its reference values and shuffles uniformly', () => {
    // First outputs of the reference implementation for seed 1 (×2^32).
    const random = mulberry32(1);
    assert.deepEqual([random(), random(), random()].map((x) => Math.round(x * 2 ** 32)), [2693262067, 11749833, 2265367787]);
    const counts = new Map<string, number>();
    const generator = mulberry32(9);
    for (let i = 0; i < 6000; i++) {
      const key = shuffled(['x', 'y', 'z'], generator).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    assert.equal(counts.size, 6);
    for (const count of counts.values()) assert.ok(count > 850 && count < 1150, `uniform: ${count}`);
  });
});
