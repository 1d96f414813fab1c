// What every chart function returns: a Vega-Lite spec, or the reason the data cannot support it
// (the template says the reason in words; a chart is never drawn from data it does not have).
import type { FigureOmission } from '../report/model.js';

export interface Chart {
  title: string;
  spec: Record<string, unknown> | null;
  omitted: FigureOmission | null;
  /** Display labels of the runtimes the chart shows. */
  runtimes: string[];
  from_aggregates: boolean;
}

export const drawn = (title: string, spec: Record<string, unknown>, runtimes: string[], fromAggregates = false): Chart => ({
  title,
  spec,
  omitted: null,
  runtimes,
  from_aggregates: fromAggregates,
});

export const leftOut = (title: string, reason: FigureOmission): Chart => ({
  title,
  spec: null,
  omitted: reason,
  runtimes: [],
  from_aggregates: false,
});

/** Log scale when the values span more than 10× (and are all positive): else the small ones vanish. */
export function wantsLogScale(values: number[]): boolean {
  if (values.length === 0 || values.some((v) => v <= 0)) return false;
  return Math.max(...values) / Math.min(...values) > 10;
}

/**
 * A quantitative scale: log (exact ends, a little padding, ticks at 1-2-5 steps) when `log` says
 * so (by default: the values span more than 10×), else linear from zero. `extra` values widen the
 * range only (a 1× line).
 */
export function timeScale(
  values: number[],
  extra: number[] = [],
  log: boolean = wantsLogScale([...values, ...extra]),
): { log: boolean; scale: Record<string, unknown>; axis: Record<string, unknown> } {
  const all = [...values, ...extra];
  if (!log || all.some((v) => v <= 0)) return { log: false, scale: { zero: true }, axis: {} };
  return { log: true, scale: { type: 'log', nice: false, padding: 12 }, axis: { values: logTicks(Math.min(...all), Math.max(...all)) } };
}

/**
 * Ticks at 1, 2, 5, 10, 20, 50, … within [min, max], denser (1-2-3-5, then every digit) while
 * fewer than four fit: vega's own log ticks drop labels (100 next to 90).
 */
export function logTicks(min: number, max: number): number[] {
  let ticks: number[] = [];
  for (const steps of [[1, 2, 5], [1, 2, 3, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    ticks = [];
    for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
      for (const step of steps) {
        const tick = Number((step * 10 ** exponent).toPrecision(12));
        if (tick >= min && tick <= max) ticks.push(tick);
      }
    }
    if (ticks.length >= 4) break;
  }
  return ticks;
}

/** The title of a total-time axis, which says when the scale is logarithmic. */
export const totalTimeTitle = (log: boolean): string => (log ? 'Total time (ms, log scale)' : 'Total time (ms)');

/** Labels in the model's runtime order, each once. */
export function presentInOrder(order: string[], present: Iterable<string>): string[] {
  const seen = new Set(present);
  return order.filter((label) => seen.has(label));
}
