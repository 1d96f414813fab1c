import assert from 'node:assert/strict';
import { isSignificant, SIGNIFICANT } from '../../../../src/report/findings/words/significant.js';

describe('report/findings/words/significant', () => {
  it('is a Holm-adjusted p below 0.05, and nothing else', () => {
    assert.equal(SIGNIFICANT.alpha, 0.05);
    assert.equal(isSignificant({ p_adjusted: 0.0499 }), true);
    assert.equal(isSignificant({ p_adjusted: 0.05 }), false);
    assert.equal(isSignificant(null), false);
    assert.equal(isSignificant(undefined), false);
  });
});
