import assert from 'node:assert/strict';
import { isConsistent } from '../../../../src/report/findings/words/consistently.js';

describe('report/findings/words/consistently', () => {
  it('needs two levels or more within 1.25× of each other, each from three runs or more', () => {
    assert.equal(isConsistent([1040, 1220], 3), true);
    assert.equal(isConsistent([1000, 1260], 3), false); // 1.26×
    // The seed sweep: 1.04–1.22 s, but each level one pre-aggregated run.
    assert.equal(isConsistent([1040, 1220], 1), false);
    // One level: one value, nothing to be consistent across.
    assert.equal(isConsistent([473.85], 6), false);
    assert.equal(isConsistent([0, 0], 6), false);
  });
});
