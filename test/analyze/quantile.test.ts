import assert from 'node:assert/strict';
import { quantileSorted, sortedCopy } from '../../src/analyze/quantile.js';
import { pandasMissing, runPython } from './python.js';

const q = (values: number[], p: number) => quantileSorted(sortedCopy(Float64Array.from(values)), p);

describe('quantileSorted (numpy linear, type 7)', () => {
  it('matches hand-computed cases', () => {
    // virtual index (n-1)p: 1.5 → halfway between 2 and 3
    assert.equal(q([4, 1, 3, 2], 0.5), 2.5);
    // 3·0.95 = 2.85 → 3 + 0.85·(4−3), computed from above as 4 − 0.15
    assert.ok(Math.abs(q([1, 2, 3, 4], 0.95) - 3.85) < 1e-12);
    // 4·0.9 = 3.6 → 40 + 0.6·10
    assert.ok(Math.abs(q([10, 20, 30, 40, 50], 0.9) - 46) < 1e-12);
    assert.equal(q([10, 20, 30, 40, 50], 0.5), 30); // an exact rank
    assert.equal(q([10, 20, 30, 40, 50], 0), 10);
    assert.equal(q([10, 20, 30, 40, 50], 1), 50);
    assert.equal(q([7], 0.99), 7);
    assert.ok(Number.isNaN(q([], 0.5)));
    assert.throws(() => q([1], 1.5), RangeError);
  });

  it('gives the peer\'s blackbox p95 at concurrency 2 by hand: totals 407 and 11791', () => {
    // 1·0.95 → 11791 − (11791 − 407)·0.05 = 11221.8
    assert.ok(Math.abs(q([407, 11791], 0.95) - 11221.8) < 1e-9);
  });

  it('equals numpy.percentile to the last bit on fractional data of many sizes', function () {
    const missing = pandasMissing();
    if (missing) this.skip();
    let state = 7;
    const random = () => ((state = (state * 16807) % 2147483647) / 2147483647);
    // widely spread values, so that numpy's two-sided lerp (from below for gamma < 0.5, from
    // above otherwise) and a one-sided a + (b − a)·gamma differ in the last bit often enough
    const arrays = Array.from({ length: 80 }, (_, i) =>
      Array.from({ length: 1 + i * 7 }, () => Math.round(random() * 1e7) / (1 + random() * 997)));
    const expected = JSON.parse(runPython(['-c', [
      'import json, sys, numpy as np',
      'arrays = json.load(sys.stdin)',
      'print(json.dumps([[float(v) for v in np.percentile(np.array(a), [50, 90, 95, 99, 12.5, 70, 85, 99.9, 100])] for a in arrays]))',
    ].join('\n')], JSON.stringify(arrays))) as number[][];
    arrays.forEach((a, i) => {
      // np.percentile divides by 100: 99.9 / 100 is 0.9990000000000001, not 0.999
      const ours = [50, 90, 95, 99, 12.5, 70, 85, 99.9, 100].map((percent) => q(a, percent / 100));
      assert.deepEqual(ours, expected[i], `array ${i} (n = ${a.length})`);
    });
  });
});
