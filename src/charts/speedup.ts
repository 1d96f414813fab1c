// Speedup of each candidate over the baseline by concurrency: mean total time of the baseline
// divided by the candidate's (above 1×, the candidate is faster), a reference line at 1×, and
// the confidence band where the statistics stage has filled ci_low/ci_high.
import type { ReportModel } from '../report/model.js';
import { drawn, leftOut, presentInOrder, timeScale, type Chart } from './chart.js';
import { documentPalette, labelOf, runtimeColor, type RuntimePalette } from './palette.js';
import { concurrencyAxis } from './axis.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

/** Interval caps in pixels, whatever the number of levels. */
export const CAP_WIDTH = 12;

export function speedupChart(model: ReportModel, palette: RuntimePalette = documentPalette(model)): Chart {
  const label = labelOf(model);
  const baseline = label(model.baseline);
  const title = `Speedup over ${baseline} by concurrency (mean total time)`;
  if (model.runtimes.length < 2) return leftOut(title, 'one-runtime');
  // Only cold starts on one side and warm activations on the other: a ratio would be the start's cost.
  if (model.claims.kind === 'sweep' && model.claims.apart !== null) return leftOut(title, 'regimes-apart');
  const values = model.speedups
    .filter((s) => s.metric === 'avg_total' && s.concurrency !== null)
    .map((s) => ({ runtime: label(s.candidate), concurrency: s.concurrency as number, ratio: s.ratio, ci_low: s.ci_low, ci_high: s.ci_high }));
  if (values.length === 0) return leftOut(title, 'no-ratios');
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const slower = values.every((v) => v.ratio < 1);
  const withBand = values.some((v) => v.ci_low !== null && v.ci_high !== null);
  const bounds = values.flatMap((v) => [v.ci_low, v.ci_high]).filter((b): b is number => b !== null);
  const { log, scale, axis } = timeScale(values.map((v) => v.ratio), [1, ...bounds]);
  const y = {
    field: 'ratio',
    type: 'quantitative',
    title: `Speedup over ${baseline} (×${log ? ', log scale' : ''})`,
    scale,
    axis,
  };
  const color = runtimeColor(palette, shown, 'Candidate runtime');
  const x = { field: 'concurrency', type: 'ordinal', axis: concurrencyAxis(values.map((v) => v.concurrency), CHART_WIDTH) };
  // Several candidates sit side by side in a level, so their intervals do not hide each other (with
  // no interval drawn, the lines need no offset, and a line alone cannot take one: a point scale).
  const xOffset = shown.length > 1 && withBand ? { xOffset: { field: 'runtime', type: 'nominal', scale: { domain: shown, paddingInner: 0.4 } } } : {};
  const layers: Array<Record<string, unknown>> = [
    {
      data: { values: [{ ratio: 1 }] },
      mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
      encoding: { y: { field: 'ratio', type: 'quantitative' } },
    },
    {
      data: { values: [{ ratio: 1, text: 'no speedup (1×)' }] },
      // Beside the line, on the side away from the data when every candidate is slower (the line is the top edge then).
      mark: { type: 'text', align: 'right', baseline: slower ? 'top' : 'bottom', dy: slower ? 3 : -3, x: 'width', color: '#555555', fontSize: 11 },
      encoding: { y: { field: 'ratio', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
  if (withBand) {
    // A rule and two caps of fixed width: vega-lite's errorbar caps span the whole band (560 px with one level).
    const filter = [{ filter: 'isValid(datum.ci_low) && isValid(datum.ci_high)' }];
    layers.push({ transform: filter, mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, ...xOffset, y: { ...y, field: 'ci_low' }, y2: { field: 'ci_high' }, color } });
    for (const end of ['ci_low', 'ci_high']) {
      layers.push({ transform: filter, mark: { type: 'tick', width: CAP_WIDTH, thickness: 1.5, opacity: 1 }, encoding: { x, ...xOffset, y: { ...y, field: end }, color } });
    }
  }
  layers.push({ mark: { type: 'line', point: { filled: true, size: 60 }, strokeWidth: 2 }, encoding: { x, ...xOffset, y, color } });
  const spec = { ...frame(title, null), width: CHART_WIDTH, height: CHART_HEIGHT, data: { values }, layer: layers };
  return drawn(title, spec, shown, model.groups.every((g) => g.from === 'aggregates'));
}
