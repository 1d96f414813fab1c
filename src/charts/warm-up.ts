// A render worker's first chart costs two to three times what the same chart costs next (V8
// compiles and tunes vega-lite's compiler, vega's parser, dataflow and SVG writer on first use).
// The worker draws this small chart while the main thread still analyzes, so a document's own
// figures are drawn by warm code. Nothing of it is kept: each chart restarts vega's ids.
import { CONFIG, VEGA_LITE_SCHEMA } from './theme.js';

const rows = [1, 2, 3].flatMap((level) =>
  ['a', 'b'].map((runtime, r) => ({ runtime, level, part: level % 2 ? 'wait' : 'exec', ms: 10 * level + r, low: level, high: 20 * level + r })),
);
const quantitative = (field: string) => ({ field, type: 'quantitative' });

/**
 * The marks, layers, transforms and legends most of the document's charts use (src/charts/*.ts).
 * A facet or a step line more would cost about as much to draw as they save (measured on the demo).
 */
export const WARM_UP_SPEC: Record<string, unknown> = {
  $schema: VEGA_LITE_SCHEMA,
  title: { text: 'warm-up', subtitle: 'not kept' },
  config: CONFIG,
  width: 120,
  height: 80,
  data: { values: rows },
  encoding: {
    x: { field: 'level', type: 'ordinal', axis: { title: 'Level', labelAngle: 0 } },
    y: { ...quantitative('ms'), title: 'Time (ms)', scale: { zero: true } },
    color: { field: 'runtime', type: 'nominal', title: 'Runtime', scale: { domain: ['a', 'b'], range: ['#54a24b', '#e45756'] } },
  },
  layer: [
    { data: { values: [{ ms: 1 }] }, mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { y: quantitative('ms') } },
    { mark: { type: 'line', point: { filled: true }, strokeWidth: 2 }, encoding: { strokeDash: { field: 'part', type: 'nominal' } } },
    { mark: { type: 'point', filled: true }, encoding: { shape: { field: 'part', type: 'nominal' }, xOffset: { ...quantitative('low'), scale: { domain: [0, 3] } } } },
    { mark: 'rule', encoding: { y: quantitative('low'), y2: { field: 'high' } } },
    { mark: 'tick', encoding: { y: quantitative('high') } },
    { transform: [{ filter: 'datum.level > 1' }], mark: { type: 'text', dy: -8 }, encoding: { text: { ...quantitative('ms'), format: '.1f' } } },
  ],
};
