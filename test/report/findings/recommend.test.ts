import assert from 'node:assert/strict';
import { documentFamily } from '../../../src/report/findings/family.js';
import { questionsOf } from '../../../src/report/findings/recommend.js';
import type { UnitComparison, UnitInference } from '../../../src/types.js';
import { comparison } from './unit.js';

const refs = ['rt0', 'rt1', 'rt2', 'rt3'].map((id) => ({ id, label: id }));
function questions(comparisons: UnitComparison[]) {
  const inference: UnitInference = {
    unit: 'run', unit_field: 'repetition', runs_per_cell: { min: 8, max: 8 }, min_units: 4, coverage: { mean: 0.95, median: 0.95 },
    family: comparisons.length, comparisons, overall: [],
  };
  return questionsOf(documentFamily(inference), refs, refs[0]);
}
const at = (candidate: string, concurrency: number, mean_ratio: number, p = 0.0001, part: 'cold' | 'warm' = 'cold') =>
  comparison({ candidate, concurrency, mean_ratio, p, part });

describe('report/findings/recommend', () => {
  it('recommends the one candidate faster at every level while every other is slower', () => {
    const [cold] = questions([at('rt1', 1, 2), at('rt1', 2, 2.5), at('rt2', 1, 0.5), at('rt2', 2, 0.6)]);
    assert.equal(cold.recommendation?.runtime.id, 'rt1');
    assert.deepEqual([cold.recommendation?.min_factor, cold.recommendation?.max_factor, cold.recommendation?.levels], [2, 2.5, [1, 2]]);
  });

  it('never names several runtimes: three faster candidates, never compared with each other, get none', () => {
    const [cold] = questions(['rt1', 'rt2', 'rt3'].flatMap((c) => [at(c, 1, 3), at(c, 2, 3)]));
    assert.equal(cold.recommendation, null);
    assert.match(cold.reason ?? '', /more than one runtime is faster than the baseline/);
  });

  it('recommends the baseline when every candidate is slower, and nothing where a level is not significant', () => {
    assert.equal(questions([at('rt1', 1, 0.5), at('rt2', 1, 0.4)])[0].recommendation?.runtime.id, 'rt0');
    const [cold] = questions([at('rt1', 1, 2), at('rt1', 2, 2, 0.3)]);
    assert.equal(cold.recommendation, null);
    assert.match(cold.reason ?? '', /faster at every level compared/);
  });

  it('asks cold and warm apart: one recommendation per question at most', () => {
    const qs = questions([at('rt1', 1, 2), at('rt1', 1, 0.5, 0.0001, 'warm')]);
    assert.deepEqual(qs.map((q) => [q.part, q.recommendation?.runtime.id]), [['cold', 'rt1'], ['warm', 'rt0']]);
  });
});
