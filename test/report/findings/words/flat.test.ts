import assert from 'node:assert/strict';
import { directionOf } from '../../../../src/report/findings/words/flat.js';

describe('report/findings/words/flat', () => {
  it('rises and falls by the last level against the first, 20% or more', () => {
    assert.equal(directionOf([1000, 1300, 1600]), 'rises');
    assert.equal(directionOf([873.67, 700, 631.84]), 'falls');
  });

  it('is flat only when every level lies within 20% of every other, else varies', () => {
    assert.equal(directionOf([860.58, 900, 920.43]), 'flat');
    // The demo's blackbox: 424 and 462 ms at the ends (within 20%), but 336 ms between (37% range).
    assert.equal(directionOf([424.13, 400, 336.46, 380, 462.63]), 'varies');
    assert.equal(directionOf([500]), 'varies');
  });
});
