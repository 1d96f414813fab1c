import assert from 'node:assert/strict';
import { isOrderOfMagnitude } from '../../../../src/report/findings/words/order-of-magnitude.js';

describe('report/findings/words/order-of-magnitude', () => {
  const level = (factor: number, significant: boolean | null = true, heavyTail = false) => ({ factor, significant, heavyTail });

  it('needs 10× or more at every level, significant at each, no mean carried by a few activations', () => {
    assert.equal(isOrderOfMagnitude([level(10), level(26.2)]), true);
    assert.equal(isOrderOfMagnitude([level(10), level(9.9)]), false);
    assert.equal(isOrderOfMagnitude([level(12, false)]), false);
    assert.equal(isOrderOfMagnitude([level(12, true, true)]), false);
    // Pre-aggregated rows allow no test: the factor is written, never the words.
    assert.equal(isOrderOfMagnitude([level(17.6, null)]), false);
    assert.equal(isOrderOfMagnitude([]), false);
  });
});
