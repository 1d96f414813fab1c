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

/** A quantitative scale for times: log (exact ends, a little padding) when the values span more than 10×, else from zero. */
export function timeScale(values: number[]): { log: boolean; scale: Record<string, unknown> } {
  const log = wantsLogScale(values);
  return { log, scale: log ? { type: 'log', nice: false, padding: 12 } : { zero: true } };
}

/** Labels in the model's runtime order, each once. */
export function presentInOrder(order: string[], present: Iterable<string>): string[] {
  const seen = new Set(present);
  return order.filter((label) => seen.has(label));
}
