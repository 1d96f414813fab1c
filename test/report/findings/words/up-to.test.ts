import assert from 'node:assert/strict';
import { isRange, upTo } from '../../../../src/report/findings/words/up-to.js';

describe('report/findings/words/up-to', () => {
  it('"up to" needs two levels or more whose ends (least rounded down, largest to the nearest tenth) differ', () => {
    assert.equal(upTo(3, 3.2, 17.6), true);
    assert.equal(upTo(1, 1.2, 1.3), false); // one level (1.25): one factor, never a range
    assert.equal(upTo(2, 2.5, 2.5), false); // one value
    assert.equal(upTo(2, 1.6, 1.7), true); // 1.65 and 1.66: at least 1.6×, up to 1.7×
  });

  it('a range needs two different ends: no "26.2× to 26.2×"', () => {
    assert.equal(isRange(1.9, 3.7), true);
    assert.equal(isRange(26.2, 26.2), false);
  });
});
