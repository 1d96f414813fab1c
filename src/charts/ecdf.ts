// The empirical CDF of total time per runtime: what share of activations finished within a time.
// Needs per-activation points; aggregates carry no distribution.
import type { ReportModel } from '../report/model.js';
import { drawn, leftOut, presentInOrder, timeScale, type Chart } from './chart.js';
import { runtimeColorScale } from './palette.js';
import { timedSuccesses } from './successes.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

const TITLE = 'Distribution of total time: share of activations finished within a time';

export function ecdfChart(model: ReportModel): Chart {
  const points = timedSuccesses(model);
  if (points === null) return leftOut(TITLE, 'no-distribution');
  if (points.length === 0) return leftOut(TITLE, 'no-successes');
  const values = points.map((p) => ({ runtime: p.label, total_ms: p.total_ms }));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const { log, scale } = timeScale(values.map((v) => v.total_ms));
  const spec = {
    ...frame(TITLE, null),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    transform: [
      { window: [{ op: 'cume_dist', as: 'share' }], sort: [{ field: 'total_ms', order: 'ascending' }], groupby: ['runtime'] },
    ],
    mark: { type: 'line', interpolate: 'step-after', point: { filled: true, size: 30 }, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'total_ms',
        type: 'quantitative',
        title: log ? 'Total time (ms, log scale)' : 'Total time (ms)',
        scale,
      },
      y: { field: 'share', type: 'quantitative', title: 'Share of activations at or below', axis: { format: '%' }, scale: { domain: [0, 1] } },
      color: { field: 'runtime', type: 'nominal', title: 'Runtime', scale: runtimeColorScale(model, shown) },
    },
  };
  return drawn(TITLE, spec, shown);
}
