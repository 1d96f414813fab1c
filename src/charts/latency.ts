// Latency by concurrency: mean and 95th percentile of total time (wait + duration), a line per
// runtime; a log scale when the runtimes differ by more than 10× at some level (the seed's 17.6×),
// so the faster runtime's line does not flatten onto the axis.
import type { ReportModel } from '../report/model.js';
import { drawn, leftOut, presentInOrder, timeScale, totalTimeTitle, type Chart } from './chart.js';
import { documentPalette, runtimeColor, type RuntimePalette } from './palette.js';
import { concurrencyAxis } from './axis.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

const MEAN = 'mean';
const P95 = '95th percentile';

export function latencyChart(model: ReportModel, palette: RuntimePalette = documentPalette(model)): Chart {
  const values: Array<{ runtime: string; concurrency: number; statistic: string; total_ms: number }> = [];
  for (const g of model.groups) {
    if (g.avg_total !== null) values.push({ runtime: g.label, concurrency: g.concurrency, statistic: MEAN, total_ms: g.avg_total });
    // A percentile of one activation is that activation: drawn only where a group has several.
    if (g.p95_total !== null && g.count > 1) values.push({ runtime: g.label, concurrency: g.concurrency, statistic: P95, total_ms: g.p95_total });
  }
  const hasP95 = values.some((v) => v.statistic === P95);
  const title = hasP95 ? 'Total time by concurrency: mean and 95th percentile' : 'Mean total time by concurrency';
  if (values.length === 0) return leftOut(title, 'no-times');
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const { log, scale, axis } = timeScale(values.map((v) => v.total_ms), [], runtimesDifferTenfold(model));
  const encoding = {
    x: { field: 'concurrency', type: 'ordinal', axis: concurrencyAxis(values.map((v) => v.concurrency), CHART_WIDTH) },
    y: { field: 'total_ms', type: 'quantitative', title: totalTimeTitle(log), scale, axis },
    color: runtimeColor(palette, shown),
  };
  const strokeDash = {
    field: 'statistic',
    type: 'nominal',
    title: 'Statistic',
    scale: { domain: [MEAN, P95], range: [[1, 0], [6, 4]] },
    legend: { symbolStrokeColor: '#444444', symbolFillColor: '#444444', symbolSize: 120 },
  };
  const statisticShape = {
    field: 'statistic',
    type: 'nominal',
    title: 'Statistic',
    scale: { domain: [MEAN, P95], range: ['circle', 'triangle-up'] },
  };
  // Lines and dots are separate layers; the dash and shape legends share a title, so vega-lite draws one legend of shapes.
  const spec = {
    ...frame(title, null),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    encoding,
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: hasP95 ? { strokeDash, detail: { field: 'statistic' } } : {} },
      // Dot shapes tell mean from p95 too, so the legend does not rest on line dashes alone.
      { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: hasP95 ? { shape: statisticShape } : {} },
    ],
  };
  return drawn(title, spec, shown, model.groups.every((g) => g.from === 'aggregates'));
}

/** Whether, at some concurrency level, one runtime's mean total is more than 10× another's. */
export function runtimesDifferTenfold(model: ReportModel): boolean {
  const byLevel = new Map<number, number[]>();
  for (const g of model.groups) {
    if (g.avg_total === null || g.avg_total <= 0) continue;
    byLevel.set(g.concurrency, [...(byLevel.get(g.concurrency) ?? []), g.avg_total]);
  }
  return [...byLevel.values()].some((totals) => Math.max(...totals) / Math.min(...totals) > 10);
}
