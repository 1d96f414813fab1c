import assert from 'node:assert/strict';
import { claimRatio, scopeOf, standingOf } from '../../../../src/report/findings/words/prefer.js';
import { comparison } from '../unit.js';

describe('report/findings/words/prefer', () => {
  it('wins only when significant and relevant in the same direction at every level, mean and median agreeing', () => {
    const at = (concurrency: number, p: number, mean_ratio: number, median_ratio = mean_ratio) => comparison({ concurrency, p, p_adjusted: p, mean_ratio, median_ratio });
    assert.equal(standingOf([at(1, 0.01, 2), at(2, 0.02, 1.5)]), 'wins');
    assert.equal(standingOf([at(1, 0.01, 0.5), at(2, 0.02, 0.6)]), 'loses');
    assert.equal(standingOf([at(1, 0.01, 2), at(2, 0.2, 1.5)]), 'undecided'); // one level not significant
    assert.equal(standingOf([at(1, 0.01, 2), at(2, 0.01, 0.5)]), 'undecided'); // directions differ
    assert.equal(standingOf([at(1, 0.01, 1.05)]), 'undecided'); // significant, but under 1.1×
    assert.equal(standingOf([at(1, 0.01, 2, 0.9)]), 'undecided'); // the median points the other way
    assert.equal(standingOf([]), 'undecided');
  });

  it('rests on the median where a mean is carried by a few activations', () => {
    const heavy = comparison({ concurrency: 1, p: 0.01, mean_ratio: 3, median_ratio: 1.02, heavy_tails: [{ runtime: 'rt0', few: 1, slowest_ms: [9000], activations: 30, mean_ms: 900, mean_without_ms: 600 }] });
    assert.deepEqual(claimRatio(heavy), { ratio: 1.02, statistic: 'median' });
    assert.equal(standingOf([heavy]), 'undecided');
  });

  it('scales its words to the evidence: "in this run" or "across N runs"', () => {
    assert.equal(scopeOf('activation', { min: 1, max: 1 }), 'in this run');
    assert.equal(scopeOf('run', { min: 8, max: 8 }), 'across 8 runs');
    assert.equal(scopeOf('run', { min: 3, max: 6 }), 'across 3 to 6 runs');
  });
});
