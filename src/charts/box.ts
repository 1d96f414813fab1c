// The strip plot's stand-in for many activations (thousands of points make multi-megabyte SVGs
// and hide each other anyway): per runtime and concurrency, a box from the 25th to the 75th
// percentile, a tick at the median and whiskers from the 5th to the 95th percentile, computed
// here with the linear method numpy uses (d3-array's quantileSorted).
import { quantileSorted } from 'd3-array';
import type { ReportModel } from '../report/model.js';
import { drawn, presentInOrder, timeScale, totalTimeTitle, type Chart } from './chart.js';
import { runtimeColor, type RuntimePalette } from './palette.js';
import type { TimedPoint } from './successes.js';
import { concurrencyAxis } from './axis.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

const TITLE = 'Total time by concurrency: median, quartiles and 5th–95th percentiles';
const round = (value: number) => Math.round(value * 100) / 100;

export interface PercentileBox {
  runtime: string;
  concurrency: number;
  count: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export function percentileBoxes(points: Array<{ runtime: string; concurrency: number; total_ms: number }>): PercentileBox[] {
  const groups = new Map<string, { runtime: string; concurrency: number; totals: number[] }>();
  for (const p of points) {
    const key = `${p.runtime}\u0000${p.concurrency}`;
    const group = groups.get(key) ?? { runtime: p.runtime, concurrency: p.concurrency, totals: [] };
    group.totals.push(p.total_ms);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ runtime, concurrency, totals }) => {
    const sorted = [...totals].sort((a, b) => a - b);
    const at = (p: number) => round(quantileSorted(sorted, p) as number);
    return { runtime, concurrency, count: sorted.length, p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95) };
  });
}

export function boxChart(model: ReportModel, points: TimedPoint[], palette: RuntimePalette): Chart {
  const values = percentileBoxes(points.map((p) => ({ runtime: p.label, concurrency: p.concurrency, total_ms: p.total_ms })));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const { log, scale, axis } = timeScale(values.flatMap((v) => [v.p5, v.p95]));
  const x = { field: 'concurrency', type: 'ordinal', axis: concurrencyAxis(values.map((v) => v.concurrency), CHART_WIDTH) };
  const xOffset = { field: 'runtime', type: 'nominal', scale: { domain: shown } };
  const color = runtimeColor(palette, shown);
  const y = (field: string) => ({ field, type: 'quantitative', title: totalTimeTitle(log), scale, axis });
  const spec = {
    ...frame(TITLE, null),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, xOffset, y: y('p5'), y2: { field: 'p95' }, color } },
      { mark: { type: 'bar', width: boxWidth(new Set(values.map((v) => v.concurrency)).size, shown.length) }, encoding: { x, xOffset, y: y('p25'), y2: { field: 'p75' }, color } },
      { mark: { type: 'tick', color: 'white', thickness: 2, width: 14 }, encoding: { x, xOffset, y: y('p50') } },
    ],
  };
  return drawn(TITLE, spec, shown);
}

/**
 * The box's width in pixels: about 60% of a runtime's slot in a level. A fixed width, because
 * vega-lite centres fixed-width bars, rules and ticks on the slot but puts a band-relative bar
 * off centre there (the whisker then misses the box).
 */
export function boxWidth(levels: number, runtimes: number): number {
  return Math.max(3, Math.min(40, Math.floor((0.45 * CHART_WIDTH) / (levels * runtimes))));
}
