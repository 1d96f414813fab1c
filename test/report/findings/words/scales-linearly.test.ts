import assert from 'node:assert/strict';
import { scalesLinearly, SCALES_LINEARLY } from '../../../../src/report/findings/words/scales-linearly.js';

describe('report/findings/words/scales-linearly', () => {
  it('is never written: no experiment here can tell a line from another curve', () => {
    assert.equal(SCALES_LINEARLY.allowed, false);
    assert.equal(scalesLinearly(), false);
  });
});
