// Colours: a runtime keeps its colour in every chart of a document because the colour comes from
// its place in the model's runtime order (input order), never from the runtimes a chart happens to show.
import type { ReportModel } from '../report/model.js';

/** Tableau 10 (vega's default categorical scheme), fixed here so a vega upgrade cannot recolour documents. */
export const RUNTIME_COLORS = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2',
  '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac',
];

/** The parts of total time in the split chart: greys, so they never read as runtimes. */
export const PART_COLORS = { wait: '#c8c8c8', init: '#8a8a8a', exec: '#3c3c3c', duration: '#636363' } as const;

/** A Vega-Lite colour scale over the runtimes a chart shows (by display label), each in its model-order colour. */
export function runtimeColorScale(model: ReportModel, shown: string[]): { domain: string[]; range: string[] } {
  const order = model.runtimes.map((r) => r.label);
  return { domain: shown, range: shown.map((label) => RUNTIME_COLORS[order.indexOf(label) % RUNTIME_COLORS.length]) };
}

/** The colour encoding of a chart's runtimes (its legend titled `title`), in their model-order colours. */
export function runtimeColor(model: ReportModel, shown: string[], title = 'Runtime') {
  return { field: 'runtime', type: 'nominal', title, scale: runtimeColorScale(model, shown) };
}

export const labelOf = (model: ReportModel) => {
  const labels = new Map(model.runtimes.map((r) => [r.id, r.label]));
  return (runtime: string) => labels.get(runtime) ?? runtime;
};
