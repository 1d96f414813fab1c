// Every activation as a point: total time by concurrency, runtimes side by side in each level,
// cold starts and warm ones told apart by shape. Points of a level spread sideways by a fixed
// low-discrepancy sequence (golden ratio), not random jitter, so the picture is the same every run.
import type { ReportModel } from '../report/model.js';
import { drawn, leftOut, presentInOrder, timeScale, totalTimeTitle, type Chart } from './chart.js';
import { boxChart } from './box.js';
import { documentPalette, runtimeColor, type RuntimePalette } from './palette.js';
import { timedSuccesses } from './successes.js';
import { concurrencyAxis } from './axis.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

const TITLE = 'Total time of every activation by concurrency';
/** Above this many activations a point each is unreadable (and the SVG megabytes): percentile boxes instead. */
export const STRIP_LIMIT = 2000;
const GOLDEN = 0.6180339887498949;

export function stripChart(model: ReportModel, palette: RuntimePalette = documentPalette(model)): Chart {
  const points = timedSuccesses(model);
  if (points === null) return leftOut(TITLE, 'no-distribution');
  if (points.length === 0) return leftOut(TITLE, 'no-successes');
  if (points.length > STRIP_LIMIT) return boxChart(model, points, palette);
  const shown = presentInOrder(model.runtimes.map((r) => r.label), points.map((p) => p.label));
  const seen = new Map<string, number>();
  const values = points.map((p) => {
    const key = `${p.label}\u0000${p.concurrency}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    // A slot per runtime in the level's band; within it, the index-th point of the golden sequence.
    const spread = points.length === 1 ? 0.5 : (index * GOLDEN) % 1;
    return {
      runtime: p.label,
      concurrency: p.concurrency,
      total_ms: p.total_ms,
      start: p.cold ? 'cold start' : 'warm',
      offset: Math.round((shown.indexOf(p.label) + 0.2 + 0.6 * spread) * 1000) / 1000,
    };
  });
  const { log, scale, axis } = timeScale(values.map((v) => v.total_ms));
  const spec = {
    ...frame(TITLE, null),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'point', filled: true, size: 45, opacity: 0.75 },
    encoding: {
      x: { field: 'concurrency', type: 'ordinal', axis: concurrencyAxis(values.map((v) => v.concurrency), CHART_WIDTH), scale: { paddingInner: 0.2 } },
      xOffset: { field: 'offset', type: 'quantitative', scale: { domain: [0, shown.length] } },
      y: {
        field: 'total_ms',
        type: 'quantitative',
        title: totalTimeTitle(log),
        scale,
        axis,
      },
      color: runtimeColor(palette, shown),
      shape: { field: 'start', type: 'nominal', title: 'Start', scale: shapes(values.map((v) => v.start)) },
    },
  };
  return drawn(TITLE, spec, shown);
}

/** Cold starts are circles and warm ones triangles in every strip plot; the legend lists only those present. */
function shapes(present: string[]): { domain: string[]; range: string[] } {
  const all = [['cold start', 'circle'], ['warm', 'triangle-up']].filter(([start]) => present.includes(start));
  return { domain: all.map(([start]) => start), range: all.map(([, shape]) => shape) };
}
