import assert from 'node:assert/strict';
import { isBold } from '../../../../src/report/findings/words/bold.js';

describe('report/findings/words/bold', () => {
  it('needs a significant test at every level the sentence names', () => {
    assert.equal(isBold([{ significant: true }, { significant: true }]), true);
    assert.equal(isBold([{ significant: true }]), true);
    // One level noise: "up to N× lower" over all levels is not backed at that one.
    assert.equal(isBold([{ significant: true }, { significant: false }]), false);
    // Pre-aggregated rows: no test could weigh the factor.
    assert.equal(isBold([{ significant: null }, { significant: null }]), false);
    assert.equal(isBold([]), false);
  });
});
