import assert from 'node:assert/strict';
import { isRange, upTo } from '../../../../src/report/findings/words/up-to.js';

describe('report/findings/words/up-to', () => {
  it('"up to" needs two levels or more with different factors', () => {
    assert.equal(upTo([3.3, 17.6, 7.5]), true);
    assert.equal(upTo([1.3]), false); // one level
    assert.equal(upTo([2.5, 2.5]), false); // one value
  });

  it('a range needs two different ends: no "26.2× to 26.2×"', () => {
    assert.equal(isRange(1.9, 3.7), true);
    assert.equal(isRange(26.2, 26.2), false);
  });
});
