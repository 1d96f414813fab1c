import assert from 'node:assert/strict';
import { max, mean, weightedMean } from '../../src/analyze/moments.js';

describe('mean, max, weightedMean', () => {
  it('match hand-computed cases', () => {
    assert.equal(mean(Float64Array.of(1, 2, 3, 4)), 2.5);
    assert.equal(mean(Float64Array.of(417, 9408, 9118)), 18943 / 3); // the peer's blackbox duration at 3
    assert.ok(Number.isNaN(mean(new Float64Array(0))));
    assert.equal(max(Float64Array.of(3, -1, 9, 2)), 9);
    assert.equal(max(Float64Array.of(-5, -3)), -3);
    assert.ok(Number.isNaN(max(new Float64Array(0))));
    assert.equal(weightedMean([1715.5, 1542], [2, 1]), (3431 + 1542) / 3);
    assert.ok(Number.isNaN(weightedMean([5], [0])));
  });

  it('compensates rounding error (Kahan), where a plain sum drifts', () => {
    const values = new Float64Array(1_000_000).fill(0.1);
    let naive = 0;
    for (const v of values) naive += v;
    assert.notEqual(naive / values.length, 0.1);
    assert.equal(mean(values), 0.1);
  });
});
