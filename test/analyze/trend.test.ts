// Trends against concurrency: slopes and intervals against scipy.stats.linregress and t.ppf, the
// verdicts on data built to grow, to stay flat and to be too thin, and no curve-shape words.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import { studentTQuantile, normalSf } from '../../src/analyze/distributions.js';
import { mulberry32, normal } from '../../src/analyze/prng.js';
import { aggregate, row, table } from './table.js';
import { runPython, scipyMissing } from './python.js';

const levelsOf = (values: number[]) =>
  values.map((avg, i) => aggregate({ runtime: 'x', concurrency: i + 1, count: 1, avg_init: 1, max_wait: 1, avg_duration: avg, avg_total: avg }));

describe('trends', () => {
  it('fits level means and gives slope ± t(0.975, k − 2)·se, as scipy.stats.linregress', function () {
    this.timeout(30_000);
    const missing = scipyMissing();
    if (missing) {
      console.warn(`      skipped: ${missing}`);
      this.skip();
    }
    // The seed's Docker avg_total at concurrency 1–4, and its WASM one at 1–5.
    const series = [[11409, 6099, 12260.67, 27562], [2450, 1860, 1641.33, 1567.75, 1768.8]];
    const script = [
      'import json, sys',
      'from scipy import stats',
      'out = []',
      'for y in json.load(sys.stdin):',
      '    x = list(range(1, len(y) + 1))',
      '    r = stats.linregress(x, y)',
      '    t = stats.t.ppf(0.975, len(y) - 2)',
      '    out.append([r.slope, r.slope - t * r.stderr, r.slope + t * r.stderr])',
      'print(json.dumps(out))',
    ].join('\n');
    const theirs = JSON.parse(runPython(['-c', script], JSON.stringify(series))) as number[][];
    series.forEach((values, i) => {
      const [trend] = analyze(table([], levelsOf(values))).trends;
      assert.equal(trend.metric, 'avg_total');
      const ours = [trend.slope!, trend.ci_low!, trend.ci_high!];
      ours.forEach((v, j) => assert.ok(Math.abs(v - theirs[i][j]) < 1e-8 * Math.abs(theirs[i][j]) + 1e-9, `${v} vs ${theirs[i][j]}`));
      assert.equal(trend.verdict, 'too thin'); // both intervals hold 0 and are wide
    });
  });

  it('t and normal tails agree with scipy (t.ppf, norm.sf)', function () {
    if (scipyMissing()) this.skip();
    const theirs = JSON.parse(runPython(['-c',
      'import json; from scipy import stats; print(json.dumps([[stats.t.ppf(0.975, d) for d in (1, 2, 3, 7, 30, 200)], [stats.norm.sf(z) for z in (0.1, 1.96, 4, 8)]]))'])) as number[][];
    [1, 2, 3, 7, 30, 200].forEach((df, i) => assert.ok(Math.abs(studentTQuantile(0.975, df) - theirs[0][i]) < 1e-9 * theirs[0][i]));
    [0.1, 1.96, 4, 8].forEach((z, i) => assert.ok(Math.abs(normalSf(z) - theirs[1][i]) < 1e-12 * theirs[1][i]));
  });

  it('says "grows" when the interval is above 0, "flat" when narrow around 0, "too thin" otherwise', () => {
    const uniform = mulberry32(1);
    // 6 runs of 5 a level (the total_ms fit resamples runs; with one run a level it has no interval).
    const rows = (runtime: string, slope: number, noise: number, runs = 6) => [1, 2, 4, 8].flatMap((c) =>
      Array.from({ length: 30 }, (_, i) => row({ runtime, concurrency: c, repetition: runs > 1 ? i % runs : null, wait: 10, duration: 1000 + slope * c + noise * normal(uniform) })));
    const { trends } = analyze(table([...rows('grows', 100, 50), ...rows('flat', 0, 20), ...rows('noisy', 0, 3000)]));
    const verdict = (runtime: string, metric: string) => trends.find((t) => t.runtime === runtime && t.metric === metric)!.verdict;
    assert.equal(verdict('grows', 'total_ms'), 'grows');
    assert.equal(verdict('flat', 'total_ms'), 'flat');
    assert.equal(verdict('noisy', 'total_ms'), 'too thin');
    const grows = trends.find((t) => t.runtime === 'grows' && t.metric === 'total_ms')!;
    assert.ok(grows.ci_low! < 100 && 100 < grows.ci_high!, `${grows.ci_low}–${grows.ci_high}`);
    // One run a level: each level is another run, so only the fit over level means may speak.
    const single = analyze(table(rows('grows', 100, 50, 1))).trends;
    assert.deepEqual(single.map((t) => [t.metric, t.ci_low === null]), [['avg_total', false], ['total_ms', true]]);
    assert.equal(single.find((t) => t.metric === 'total_ms')!.verdict, 'too thin');
  });

  it('is too thin under three levels, and never writes a curve shape', () => {
    const { trends } = analyze(table([], levelsOf([100, 200])));
    assert.deepEqual(trends.map((t) => [t.verdict, t.ci_low]), [['too thin', null]]);
    assert.equal(trends[0].slope, 100);
    assert.doesNotMatch(JSON.stringify(analyze(table([], levelsOf([1, 2, 4, 8, 16])))), /linear|exponential/);
  });
});
