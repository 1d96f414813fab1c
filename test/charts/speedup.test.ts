// The speedup chart as drawn: interval caps of a fixed, narrow width however few levels there
// are (vega-lite's errorbar caps span the whole band: 560 px with one level), each cap centred
// on its interval, and several candidates side by side so their intervals do not hide each other.
import assert from 'node:assert/strict';
import { renderSvg, speedupChart } from '../../src/charts/index.js';
import { CAP_WIDTH } from '../../src/charts/speedup.js';
import { readSvg } from './svg.js';
import { shapeModel } from './helpers.js';

/** Six all-cold runs per cell: the unit is the run and every ratio has its cluster-bootstrap interval. */
async function drawn(levels: number[], runtimes: number, shape: { runs: number; cold: number } = { runs: 6, cold: 1 }) {
  const chart = speedupChart(shapeModel({ levels, runtimes, ...shape }));
  assert.ok(chart.spec, `left out: ${chart.omitted}`);
  const { svg, warnings } = await renderSvg(chart.spec);
  assert.deepEqual(warnings, []);
  const { marks } = readSvg(svg);
  return { caps: marks.filter((m) => m.role === 'tick'), rules: marks.filter((m) => (m.role === 'rule mark' || m.role === 'errorbar') && m.label.includes('ci_high')) };
}

describe('charts: speedup intervals', function () {
  this.timeout(60000);

  for (const [levels, runtimes] of [[[1], 2], [[1], 4], [[1, 2, 4, 8, 16, 32, 64], 3]] as const) {
    it(`${levels.length} level(s), ${runtimes - 1} candidate(s): two caps of ${CAP_WIDTH} px per interval, centred on it`, async () => {
      const { caps, rules } = await drawn([...levels], runtimes);
      assert.equal(rules.length, levels.length * (runtimes - 1), 'an interval per candidate and level');
      assert.equal(caps.length, 2 * rules.length);
      for (const cap of caps) assert.ok(Math.abs(cap.dx - CAP_WIDTH) <= 0.01, `cap ${cap.dx} px wide`);
      for (const rule of rules) {
        const own = caps.filter((c) => Math.abs(c.x + c.dx / 2 - rule.x) < 0.5);
        assert.equal(own.length, 2, `both caps centred on the interval at x=${rule.x}`);
      }
      // Candidates of one level stand apart by more than a cap: intervals never hide each other.
      const xs = rules.map((r) => r.x).sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i] - xs[i - 1] > CAP_WIDTH, `intervals ${xs[i - 1]} and ${xs[i]} px apart`);
    });
  }

  it("draws no interval the document's inference does not give: one run of 5 activations, cold and warm mixed", async () => {
    // analyze's per-group bootstrap has intervals here, but over 5 activations of one run (below the
    // 20 a side whose coverage was measured) and pooling cold with warm: the chart must not show them.
    const model = shapeModel({ levels: [1, 2], runtimes: 3, runs: 1, cold: 0.5 });
    assert.ok(model.speedups.some((s) => s.metric === 'avg_total'));
    assert.ok(model.speedups.every((s) => s.ci_low === null && s.ci_high === null));
    const { caps, rules } = await drawn([1, 2], 3, { runs: 1, cold: 0.5 }); // (and vega-lite warns of nothing)
    assert.equal(rules.length + caps.length, 0);
  });
});
