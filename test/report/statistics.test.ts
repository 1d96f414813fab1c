// Issue 7 in the documents: intervals in tables, differences called real only where the rank test
// passes, a candidate that wins one component and loses another, trend sentences from fitted
// slopes only, and a Caveats section in every document, each checked on the seed's and the
// peer's real data against hand computation.
import assert from 'node:assert/strict';
import path from 'node:path';
import { needPeerData } from '../helpers/cli.js';
import { render, sharedData, tableAfter, SEED_PAIR_OPTIONS, SEED_SWEEP_OPTIONS, WARM_FILES, WARM_OPTIONS } from './helpers.js';

const pair = render(['data/seed-pair/activations.json'], SEED_PAIR_OPTIONS);
const sweep = render(['data/seed-sweep/results.txt'], SEED_SWEEP_OPTIONS);
/** The peer's documents, rendered when a test first reads them; a test that does is skipped without the peer's data. */
function peerDocument(make: () => ReturnType<typeof render>) {
  let made: ReturnType<typeof render> | undefined;
  const get = () => (needPeerData(), (made ??= make()));
  return { get markdown() { return get().markdown; }, get model() { return get().model; } };
}
const warm = peerDocument(() => render(WARM_FILES, WARM_OPTIONS));
const peerCold = peerDocument(() => render(
  ['input_vanilla_cold_start.json', 'input_wasm_cold_start.json'].map((f) => path.join(sharedData, f)),
  { template: 'sweep', labels: { blackbox: 'Docker', 'wasm:0.1': 'WASM' } },
));

const row = (markdown: string, concurrency: string, component: string) =>
  tableAfter(markdown, 'Concurrency').rows.find((r) => r[0] === concurrency && r[1] === component);
const statsTable = (markdown: string) => tableAfter(markdown.slice(markdown.indexOf('## 📐')), 'Concurrency');

describe('documents: intervals, tests, components and trends (issue 7)', () => {
  it('every document has a Caveats section with sample sizes and the reporting principles', () => {
    for (const { markdown } of [pair, sweep, warm, peerCold]) {
      assert.match(markdown, /^## ⚠️ Caveats$/m);
      assert.match(markdown, /^\*\*Sample sizes\*\*/m);
      assert.match(markdown, /^- \*\*Cold purity\*\*: /m);
      assert.match(markdown, /^- \*\*Failed, throttled or lost trials\*\*: /m);
      assert.match(markdown, /^- \*\*What the intervals mean\*\*: /m);
      const principles = tableAfter(markdown, 'Principle').rows.map((r) => r[0]);
      assert.deepEqual(principles, [
        'Repeated experiments (P1)', 'Experimental setup described (P3)', 'Distributions shown, not just means (P5)',
        'Statistical tests (P6)', 'Units reported (P7)',
      ]);
    }
  });

  it('calls P6 met only where some total-time test could reach p < 0.05 after Holm (2 / C(n + m, n) × family)', () => {
    const p6 = (markdown: string) => tableAfter(markdown, 'Principle').rows.find((r) => r[0] === 'Statistical tests (P6)')!;
    // The peer's cold data: 1 to 4 activations of one run per side, 16 tests: at best 2 / C(8, 4) × 16 = 0.46.
    assert.equal(p6(peerCold.markdown)[1], 'partly');
    // The peer's prewarmed data: 5 runs per side, 2 tests: 2 / C(10, 5) × 2 = 0.016.
    assert.equal(p6(warm.markdown)[1], 'met');
    assert.equal(p6(pair.markdown)[1], 'partly');
  });

  describe('the seed pair: single observations', () => {
    it('says wasm starts 7.8× faster yet executes 2.8× slower, and that one activation each cannot be tested', () => {
      assert.match(pair.markdown, /starts 7\.8× faster \(init; not tested\), yet executes 2\.8× slower \(not tested\) than blackbox/);
      const exec = statsTable(pair.markdown).rows.find((r) => r[1] === 'Execution, cold (mean)')!;
      assert.equal(exec[2], `${(Math.round(((2110 - 1044) / (8511 - 8130)) * 10) / 10).toFixed(1)}× slower`);
      assert.equal(exec[3], '—'); // no interval from one value
    });

    it('marks repetitions and distributions as missed', () => {
      const status = Object.fromEntries(pair.model.caveats.principles.map((p) => [p.name, p.status]));
      assert.equal(status['Repeated experiments (P1)'], 'missed');
      assert.equal(status['Distributions shown, not just means (P5)'], 'missed');
      assert.match(pair.markdown, /the activation of a single run per level: they describe that run only/);
    });
  });

  describe('the seed sweep: aggregates only', () => {
    it('keeps 17.6× at concurrency 4 (27562 / 1567.75) and gives no interval or test', () => {
      const cells = statsTable(sweep.markdown).rows.find((r) => r[0] === '4' && r[1] === 'Total, wait + duration (mean)')!;
      assert.deepEqual(cells, ['4', 'Total, wait + duration (mean)', `${(27562 / 1567.75).toFixed(1)}× faster`, '—', '—']);
      assert.ok(sweep.model.speedups.every((s) => s.ci_low === null && s.ci_high === null));
      assert.equal(sweep.model.statistics.intervals, false);
      assert.equal(sweep.model.statistics.tested, false);
    });

    it('says so: no intervals, no tests, no "significantly", no trend named', () => {
      assert.match(sweep.markdown, /this document has no confidence intervals and no tests: its inputs are pre-aggregated means/);
      assert.match(sweep.markdown, /Whether this is more than run-to-run noise cannot be tested: the data is pre-aggregated/);
      assert.doesNotMatch(sweep.markdown, /[Ss]ignificantly/);
      assert.doesNotMatch(sweep.markdown, /linear|exponential|grows with|shrinks with|falls with|rises with/i);
      assert.equal((sweep.markdown.match(/too thin to call a trend/g) ?? []).length, 2);
    });

    it('fits the trend sentence\'s slope to the level means: Docker +5462.1 ms per level (hand least squares)', () => {
      // x = 1..4, y = the seed's Docker avg_total: slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)².
      const y = [11409, 6099, 12260.67, 27562];
      const slope = y.reduce((s, v, i) => s + (i + 1 - 2.5) * v, 0) / 5;
      const docker = sweep.model.statistics.trends.find((t) => t.runtime.id === 'vanilla docker')!;
      assert.equal(docker.slope, Math.round(slope * 10) / 10);
      assert.equal(docker.verdict, 'too thin');
      assert.match(sweep.markdown, new RegExp(`\\*\\*Docker\\*\\*: too thin to call a trend: the fitted slope of \`avg_total\`, \\+${docker.slope} ms`));
    });
  });

  describe('the peer\'s warm pair: 5 activations each', () => {
    it('calls WASM 2.6× slower end to end, significant by the exact test over 5 runs (p = 2 / C(10, 5), the only test of the document: init and execution are not tested)', () => {
      const total = statsTable(warm.markdown).rows.find((r) => r[1] === 'Total, wait + duration, warm (mean)')!;
      assert.equal(total[2], '2.6× slower');
      assert.match(total[3], /^\d\.\d–\d\.\d×$/);
      assert.equal(total[4], `p = ${(2 / 252).toFixed(4)}, **significant** (δ = −1, large; n = 5 vs 5 runs)`);
      assert.match(warm.markdown, /WASM is \*\*2\.6× slower\*\* end to end/);
      assert.match(warm.markdown, /The test finds the difference in total time significant \(p = 0\.0079, tested on per-run means, across 5 runs; the only test of this document\)/);
      assert.equal(statsTable(warm.markdown).rows.find((r) => r[1] === 'Execution, warm (mean)')![4], 'not tested');
    });

    it('shows each group\'s mean total with its interval in the sample-size table, around the mean', () => {
      const groups = tableAfter(warm.markdown, 'Runtime').rows;
      for (const cells of groups) {
        const mean = Number(cells[6]);
        const [low, high] = cells[7].split('–').map(Number);
        assert.ok(low < mean && mean < high, cells.join(' | '));
      }
    });
  });

  describe('the peer\'s raw cold-start sweep (1 to 5 activations per level)', () => {
    it('compares cold and warm apart, gives no interval below 20 activations a side (one run each), and warns where a group has one', () => {
      const stats = statsTable(peerCold.markdown).rows;
      const at4 = stats.find((r) => r[0] === '4' && r[1] === 'Total, wait + duration, cold (mean)')!;
      assert.equal(at4[3], '—');
      assert.ok(stats.some((r) => r[0] === '2' && r[1] === 'Total, wait + duration, warm (mean)'));
      assert.ok(stats.every((r) => r[3] === '—'));
      // Over cold starts only (the stratified comparison), not the pooled 17.6× of the summary table:
      // WASM's cold mean at 4 is 2.55 s, Docker's (all cold) 27.56 s.
      assert.match(peerCold.markdown, /over cold starts is lower in WASM at each of the 4 levels: up to 10\.8× lower, at least 4\.4×\.\n  - At 4 concurrent requests, where the difference is largest: `WASM = 2\.55s`, `Docker = 27\.56s`/);
      assert.match(peerCold.markdown, /No test in this document can find a difference: .* 5 activations per side would be needed/);
      // The document says why in its own terms (analyze's notes on its per-group bootstrap are left out: the document shows none of those intervals).
      assert.match(peerCold.markdown, /\| Distributions shown, not just means \(P5\) \| missed +\| a group has a single activation: no distribution to show/);
      assert.doesNotMatch(peerCold.markdown, /no 95% interval for|intervals from fewer than/);
    });

    it('names no trend without an interval that excludes zero', () => {
      for (const trend of peerCold.model.statistics.trends) {
        if (trend.verdict === 'grows') assert.ok(trend.ci_low! > 0);
        if (trend.verdict === 'shrinks') assert.ok(trend.ci_high! < 0);
      }
      assert.doesNotMatch(peerCold.markdown, /linear|exponential/i);
    });
  });
});
