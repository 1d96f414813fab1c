import assert from 'node:assert/strict';
import { fasterHeading, isRelevant, RELEVANT } from '../../../../src/report/findings/words/faster.js';

describe('report/findings/words/faster', () => {
  it('"faster" needs a relevant difference (1.1× or more, either way round)', () => {
    assert.equal(RELEVANT.factor, 1.1);
    assert.equal(isRelevant(1.1), true);
    assert.equal(isRelevant(1 / 1.1), true);
    assert.equal(isRelevant(1.09), false);
    assert.equal(isRelevant(0.95), false);
    assert.equal(isRelevant(Number.NaN), false);
  });

  it('a ✅ faster heading needs the test significant and the difference relevant at every level, one way', () => {
    const sig = { p_adjusted: 0.01 };
    assert.equal(fasterHeading([{ ratio: 2, test: sig }, { ratio: 1.5, test: sig }]), 'candidate');
    assert.equal(fasterHeading([{ ratio: 0.4, test: sig }]), 'baseline');
    // One level not significant, one untested, one within 10%, or directions that disagree: no heading.
    assert.equal(fasterHeading([{ ratio: 2, test: sig }, { ratio: 3, test: { p_adjusted: 0.2 } }]), null);
    assert.equal(fasterHeading([{ ratio: 3, test: null }]), null);
    assert.equal(fasterHeading([{ ratio: 1.05, test: sig }]), null);
    assert.equal(fasterHeading([{ ratio: 2, test: sig }, { ratio: 0.5, test: sig }]), null);
    assert.equal(fasterHeading([]), null);
  });
});
