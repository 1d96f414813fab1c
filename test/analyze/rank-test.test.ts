// Mann-Whitney U, Cliff's δ and Holm's correction against scipy.stats (Debian's python3-scipy)
// and against counting pairs by hand.
import assert from 'node:assert/strict';
import { exactUpperTail, holm, magnitudeOf, mannWhitney } from '../../src/analyze/rank-test.js';
import { mulberry32 } from '../../src/analyze/prng.js';
import { runPython, scipyMissing } from './python.js';

/** Samples of every kind the tests meet: tiny, untied, tied, large, lopsided. */
function samples(): Array<{ x: number[]; y: number[] }> {
  const uniform = mulberry32(7);
  const draw = (n: number, scale: number, step: number) =>
    Array.from({ length: n }, () => Math.round((uniform() * scale) / step) * step);
  return [
    { x: [1, 2, 3, 4, 5], y: [6, 7, 8, 9, 10, 11] },
    { x: [8130], y: [1044] },
    { x: [384, 391, 377, 395, 374], y: [1024, 1001, 1007, 976, 1035] },
    { x: [3, 1, 4, 1, 5, 9, 2, 6], y: [2, 7, 1, 8, 2, 8, 1, 8] }, // ties: normal approximation
    { x: draw(12, 100, 0.001), y: draw(9, 120, 0.001) }, // untied, small: exact
    { x: draw(40, 100, 0.001), y: draw(50, 110, 0.001) }, // untied, at the exact limit
    { x: draw(51, 100, 0.001), y: draw(3, 100, 0.001) }, // one side over the limit: normal
    { x: draw(300, 100, 1), y: draw(250, 105, 1) }, // many ties
    { x: draw(2000, 1000, 0.5), y: draw(1500, 990, 0.5) },
    { x: [5, 5, 5], y: [5, 5] }, // all tied: no variance, p = 1
  ];
}

describe('Mann-Whitney U and Cliff\'s δ', () => {
  it('count pairs: u = #(x > y) + ½ #ties, δ = (#(x > y) − #(x < y)) / (n·m)', () => {
    for (const { x, y } of samples()) {
      let greater = 0;
      let less = 0;
      for (const a of x) for (const b of y) a > b ? greater++ : a < b ? less++ : 0;
      const ties = x.length * y.length - greater - less;
      const test = mannWhitney(Float64Array.from(x), Float64Array.from(y));
      assert.equal(test.u, greater + ties / 2);
      assert.ok(Math.abs(test.cliffs_delta - (greater - less) / (x.length * y.length)) < 1e-12);
    }
  });

  it('agree with scipy.stats.mannwhitneyu (two-sided), exact and asymptotic', function () {
    this.timeout(30_000);
    const missing = scipyMissing();
    if (missing) {
      console.warn(`      skipped: ${missing}`);
      this.skip();
    }
    const cases = samples().map(({ x, y }) => {
      const ours = mannWhitney(Float64Array.from(x), Float64Array.from(y));
      return { x, y, method: ours.method === 'exact' ? 'exact' : 'asymptotic', ours };
    });
    const script = [
      'import json, sys',
      'from scipy.stats import mannwhitneyu',
      'out = []',
      'for c in json.load(sys.stdin):',
      '    r = mannwhitneyu(c["x"], c["y"], alternative="two-sided", method=c["method"])',
      '    out.append([float(r.statistic), float(r.pvalue)])',
      'print(json.dumps(out))',
    ].join('\n');
    const theirs = JSON.parse(runPython(['-c', script], JSON.stringify(cases.map(({ x, y, method }) => ({ x, y, method }))))) as Array<[number, number]>;
    assert.ok(cases.some((c) => c.method === 'exact') && cases.some((c) => c.method === 'asymptotic'));
    cases.forEach(({ ours }, i) => {
      const [u, p] = theirs[i];
      assert.equal(ours.u, u, `case ${i}: U`);
      const pScipy = Number.isNaN(p) ? 1 : p; // all tied: scipy gives NaN, we say 1 (no evidence)
      assert.ok(Math.abs(ours.p - pScipy) <= 1e-12 + 1e-9 * pScipy, `case ${i}: p ${ours.p} vs scipy ${p}`);
    });
  });

  it('exact null distribution: hand-counted for 2 and 2 (6 orderings, U = 0,1,2,2,3,4)', () => {
    assert.equal(exactUpperTail(2, 2, 4), 1 / 6);
    assert.equal(exactUpperTail(2, 2, 3), 2 / 6);
    assert.equal(exactUpperTail(2, 2, 2), 4 / 6);
    assert.equal(exactUpperTail(2, 2, 0), 1);
  });

  it('one activation a side can never be significant: p = 1', () => {
    assert.equal(mannWhitney(Float64Array.of(8130), Float64Array.of(1044)).p, 1);
  });

  it('reads |δ| with Romano et al.\'s thresholds', () => {
    assert.deepEqual([0, 0.146, 0.147, 0.329, 0.33, 0.473, 0.474, -1].map(magnitudeOf),
      ['negligible', 'negligible', 'small', 'small', 'medium', 'medium', 'large', 'large']);
  });
});

describe('Holm\'s correction', () => {
  it('steps down: sorted p times (m − rank), kept monotone, capped at 1 (hand computation)', () => {
    // sorted: 0.01·4 = 0.04, 0.03·3 = 0.09, 0.04·2 = 0.08 → 0.09 (monotone), 0.5·1 = 0.5
    assert.deepEqual(holm([0.01, 0.04, 0.03, 0.5]), [0.04, 0.09, 0.09, 0.5]);
    assert.deepEqual(holm([0.6, 0.6]), [1, 1]);
    assert.deepEqual(holm([0.02]), [0.02]);
    assert.deepEqual(holm([]), []);
  });
});
