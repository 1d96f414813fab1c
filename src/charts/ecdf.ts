// The empirical CDF of total time per runtime: what share of activations finished within a time.
// Needs per-activation points; aggregates carry no distribution. The steps are computed here (a
// pure function) so that each line can start from 0 at its fastest activation: with a single
// activation the chart still shows a step, not a lone dot at 100%.
import type { ReportModel } from '../report/model.js';
import { drawn, leftOut, presentInOrder, timeScale, totalTimeTitle, type Chart } from './chart.js';
import { documentPalette, runtimeColor, type RuntimePalette } from './palette.js';
import { timedSuccesses } from './successes.js';
import { CHART_HEIGHT, CHART_WIDTH, frame } from './theme.js';

const TITLE = 'Distribution of total time: share of activations finished within a time';

export interface EcdfStep {
  runtime: string;
  total_ms: number;
  /** Share of the runtime's activations at or below total_ms. */
  share: number;
  /** False for the line's starting point (share 0), which is not an activation. */
  observed: boolean;
}

/** Steps a line keeps per runtime: more add bytes, not information, at 560 px wide. */
export const MAX_STEPS = 400;
/** Up to this many steps in all, each is marked with a dot. */
const MARKED_STEPS = 120;

/**
 * Steps of the ECDF per runtime, in the order given: ties become one step. A runtime with more
 * than `maxSteps` distinct times keeps the steps at evenly spaced ranks (its fastest and slowest
 * always); each kept step is exact.
 */
export function ecdfSteps(points: Array<{ runtime: string; total_ms: number }>, maxSteps = MAX_STEPS): EcdfStep[] {
  const byRuntime = new Map<string, number[]>();
  for (const p of points) byRuntime.set(p.runtime, [...(byRuntime.get(p.runtime) ?? []), p.total_ms]);
  const steps: EcdfStep[] = [];
  for (const [runtime, totals] of byRuntime) {
    const sorted = [...totals].sort((a, b) => a - b);
    const own: EcdfStep[] = [];
    sorted.forEach((total, i) => {
      if (sorted[i + 1] === total) return;
      own.push({ runtime, total_ms: total, share: Math.round(((i + 1) / sorted.length) * 1e6) / 1e6, observed: true });
    });
    const kept = own.length <= maxSteps ? own : own.filter((_, i) => i === own.length - 1 || i % Math.ceil(own.length / (maxSteps - 1)) === 0);
    steps.push({ runtime, total_ms: sorted[0], share: 0, observed: false }, ...kept);
  }
  return steps;
}

export function ecdfChart(model: ReportModel, palette: RuntimePalette = documentPalette(model)): Chart {
  const points = timedSuccesses(model);
  if (points === null) return leftOut(TITLE, 'no-distribution');
  if (points.length === 0) return leftOut(TITLE, 'no-successes');
  const values = ecdfSteps(points.map((p) => ({ runtime: p.label, total_ms: p.total_ms })));
  const shown = presentInOrder(model.runtimes.map((r) => r.label), values.map((v) => v.runtime));
  const { log, scale, axis } = timeScale(values.map((v) => v.total_ms));
  const x = { field: 'total_ms', type: 'quantitative', title: totalTimeTitle(log), scale, axis };
  const y = { field: 'share', type: 'quantitative', title: 'Share of activations at or below', axis: { format: '%' }, scale: { domain: [0, 1] } };
  const color = runtimeColor(palette, shown);
  const spec = {
    ...frame(TITLE, null),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: { x, y, color, order: { field: 'share', type: 'quantitative' } },
      },
      // A dot per activation while they can be told apart; beyond that the steps say it all.
      ...(values.length <= MARKED_STEPS
        ? [{ transform: [{ filter: 'datum.observed' }], mark: { type: 'point', filled: true, size: 30, opacity: 1 }, encoding: { x, y, color } }]
        : []),
    ],
  };
  return drawn(TITLE, spec, shown);
}
