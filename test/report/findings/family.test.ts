import assert from 'node:assert/strict';
import { documentFamily, smallestP } from '../../../src/report/findings/family.js';
import type { UnitInference } from '../../../src/types.js';
import { comparison } from './unit.js';

const inference = (comparisons: UnitInference['comparisons']): UnitInference => ({
  unit: 'run', unit_field: 'repetition', runs_per_cell: { min: 6, max: 6 }, min_units: 4, coverage: { mean: 0.95, median: 0.95 },
  family: comparisons.length, comparisons, overall: [],
});

describe('report/findings/family', () => {
  it('tests the total time only, Holm-corrected across those tests', () => {
    const exact = 2 / 924; // 6 vs 6 runs: 2 / C(12, 6)
    const tests = [1, 2, 3].flatMap((concurrency) => (['init_ms', 'exec_ms', 'total_ms'] as const).map((metric) => comparison({ concurrency, metric, p: exact, mean_ratio: 3 })));
    const family = documentFamily(inference(tests));
    assert.equal(family.tests.length, 3);
    assert.ok(family.tests.every((t) => t.metric === 'total_ms'));
    // 3 × 2/924 = 0.0065: significant; over all 9 tests it would have been 0.0195.
    assert.ok(family.tests.every((t) => Math.abs(t.p_adjusted - 3 * exact) < 1e-12 && t.significant));
    assert.equal(family.attainable?.reachable, true);
  });

  it('says when no test of this size can be significant, and how many runs per side would be', () => {
    // Four runtimes, three levels, 6 vs 6 runs, all 27 components tested: 27 × 2/924 = 0.058.
    const exact = 2 / 924;
    const tests = Array.from({ length: 27 }, (_, i) => comparison({ concurrency: (i % 3) + 1, candidate: `rt${1 + Math.floor(i / 9)}`, p: exact, mean_ratio: 3 }));
    const family = documentFamily(inference(tests));
    assert.equal(family.attainable?.min_p, 0.0022);
    assert.equal(family.attainable?.min_p_adjusted, 0.0584);
    assert.equal(family.attainable?.reachable, false);
    // 7 vs 7: 27 × 2 / C(14, 7) = 27 × 2 / 3432 = 0.0157 < 0.05.
    assert.equal(family.attainable?.units_needed, 7);
    assert.ok(family.tests.every((t) => !t.significant));
  });

  it('knows the smallest p of each test: exact 2 / C(n + m, n), Monte Carlo 2 / 4001, none for the normal approximation', () => {
    assert.equal(smallestP({ method: 'exact permutation', n_baseline: 5, n_candidate: 5 }), 2 / 252);
    assert.equal(smallestP({ method: 'exact permutation', n_baseline: 1, n_candidate: 1 }), 1);
    assert.equal(smallestP({ method: 'monte carlo permutation', n_baseline: 20, n_candidate: 20 }), 2 / 4001);
    assert.equal(smallestP({ method: 'normal approximation', n_baseline: 300, n_candidate: 300 }), 0);
    assert.equal(documentFamily(inference([comparison({ concurrency: 1, p: 0.001, mean_ratio: 2, method: 'normal approximation' })])).attainable, null);
  });
});
