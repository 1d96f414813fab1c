// The permutation test at the experimental unit against hand counts and scipy.stats.permutation_test.
import assert from 'node:assert/strict';
import { mulberry32 } from '../../src/analyze/prng.js';
import { unitTest, choose } from '../../src/analyze/permutation.js';
import { mannWhitney } from '../../src/analyze/rank-test.js';
import { runPython, scipyMissing } from './python.js';

const f = (xs: number[]) => Float64Array.from(xs);

describe('analyze/permutation', () => {
  it('gives 2/35 = 0.057 for 4 vs 3 fully separated with ties, where the normal approximation says 0.03', () => {
    const x = f([10, 10, 11, 11]);
    const y = f([5, 5, 6]);
    const exact = unitTest(x, y, mulberry32(1));
    assert.equal(exact.method, 'exact permutation');
    assert.ok(Math.abs(exact.p - 2 / 35) < 1e-12, `p = ${exact.p}`);
    assert.equal(choose(7, 3), 35);
    const normal = mannWhitney(x, y);
    assert.equal(normal.method, 'normal');
    assert.ok(normal.p < 0.05, `the normal approximation would have said ${normal.p}`);
  });

  it('counts a tied statistic as extreme: identical samples give p = 1', () => {
    assert.equal(unitTest(f([3, 3, 3]), f([3, 3, 3]), mulberry32(1)).p, 1);
  });

  it('agrees with scipy.stats.permutation_test (exact, difference of mean log1p) on random samples', function () {
    const missing = scipyMissing();
    if (missing) this.skip();
    const u = mulberry32(7);
    const cases = Array.from({ length: 6 }, (_, i) => ({
      x: Array.from({ length: 3 + (i % 4) }, () => Math.round(100 * Math.exp(u()) * 10) / 10),
      y: Array.from({ length: 4 + (i % 3) }, () => Math.round(100 * Math.exp(u() + 0.3 * i) * 10) / 10),
    }));
    const script = [
      'import json, sys, numpy as np',
      'from scipy.stats import permutation_test',
      'out = []',
      'for c in json.load(sys.stdin):',
      '    x, y = np.log1p(c["x"]), np.log1p(c["y"])',
      '    r = permutation_test((x, y), lambda a, b: np.mean(a) - np.mean(b), permutation_type="independent", alternative="two-sided", n_resamples=np.inf)',
      '    out.append(float(r.pvalue))',
      'print(json.dumps(out))',
    ].join('\n');
    const expected = JSON.parse(runPython(['-c', script], JSON.stringify(cases))) as number[];
    cases.forEach((c, i) => {
      const ours = unitTest(f(c.x), f(c.y), mulberry32(1));
      assert.equal(ours.method, 'exact permutation');
      assert.ok(Math.abs(ours.p - expected[i]) < 1e-9, `case ${i}: ${ours.p} vs scipy ${expected[i]}`);
    });
  });

  it('uses seeded random splits past the exact limit, and the normal approximation for large samples', () => {
    const u = mulberry32(3);
    const x = f(Array.from({ length: 30 }, () => 100 + u()));
    const y = f(Array.from({ length: 30 }, () => 100 + u()));
    const a = unitTest(x, y, mulberry32(9));
    assert.equal(a.method, 'monte carlo permutation');
    assert.deepEqual(unitTest(x, y, mulberry32(9)), a);
    const big = f(Array.from({ length: 300 }, () => u()));
    assert.equal(unitTest(big, big.slice(0, 200), mulberry32(1)).method, 'normal approximation');
  });
});
