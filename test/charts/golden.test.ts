// One fixture per chart, named as its golden SVG (test/charts/golden/<name>.svg): real data from
// the seed and the peer, rendered headless and compared after normalization.
import assert from 'node:assert/strict';
import type { Chart } from '../../src/charts/index.js';
import { ecdfChart, latencyChart, renderSvg, speedupChart, splitChart, stripChart } from '../../src/charts/index.js';
import type { ReportModel } from '../../src/report/index.js';
import { assertGoldenSvg, coldModel, manyPoints, pairModel, sweepModel, warmModel } from './helpers.js';

/** The peer's cold-start model with a made-up confidence interval around each ratio, as the statistics stage will fill it. */
function coldWithIntervals(): ReportModel {
  const model = coldModel();
  return {
    ...model,
    speedups: model.speedups.map((s) => (s.concurrency === null ? s : { ...s, ci_low: Math.round(s.ratio * 70) / 100, ci_high: Math.round(s.ratio * 135) / 100 })),
  };
}

/** Ratios without intervals, whatever the statistics stage computes: the plain speedup chart. */
function withoutIntervals(model: ReportModel): ReportModel {
  return { ...model, speedups: model.speedups.map((s) => ({ ...s, ci_low: null, ci_high: null })) };
}

const FIXTURES: Record<string, () => Chart> = {
  latencySweepAggregates: () => latencyChart(sweepModel()),
  latencyPeerCold: () => latencyChart(coldModel()),
  latencyPeerWarm: () => latencyChart(warmModel()),
  splitSweepAggregates: () => splitChart(sweepModel()),
  splitPeerCold: () => splitChart(coldModel()),
  splitSeedPair: () => splitChart(pairModel()),
  speedupSweepAggregates: () => speedupChart(withoutIntervals(sweepModel())),
  speedupWithConfidenceBand: () => speedupChart(coldWithIntervals()),
  speedupPeerWarmSlower: () => speedupChart(withoutIntervals(warmModel())),
  ecdfPeerCold: () => ecdfChart(coldModel()),
  stripPeerCold: () => stripChart(coldModel()),
  stripPeerWarm: () => stripChart(warmModel()),
  stripManyActivationsAsBoxes: () => stripChart({ ...coldModel(), points: manyPoints(400) }),
  ecdfManyActivations: () => ecdfChart({ ...coldModel(), points: manyPoints(400) }),
};

describe('charts: golden SVGs', function () {
  this.timeout(60000);
  for (const [name, fixture] of Object.entries(FIXTURES)) {
    it(name, async () => {
      const chart = fixture();
      assert.ok(chart.spec, `${name} was left out: ${chart.omitted}`);
      const { svg, warnings } = await renderSvg(chart.spec);
      assert.deepEqual(warnings, [], 'vega-lite compiles the spec without warnings');
      assertGoldenSvg(name, svg);
    });
  }
});
