import assert from 'node:assert/strict';
import { atEveryLevel } from '../../../../src/report/findings/words/every-level.js';

describe('report/findings/words/every-level', () => {
  it('needs two levels or more, and the statement at each', () => {
    assert.equal(atEveryLevel([1, 2, 3], () => true), true);
    assert.equal(atEveryLevel([1, 2, 3], (l) => l !== 2), false);
    // One level: the document names the level instead of "at every level".
    assert.equal(atEveryLevel([4], () => true), false);
    assert.equal(atEveryLevel([], () => true), false);
  });
});
