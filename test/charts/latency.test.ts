// The latency chart's legend tells mean from 95th percentile by shape (circle, triangle), not by
// line dashes alone: read from the drawn SVG, the two legend symbols differ in outline, and every
// dot of the plot has its statistic's shape.
import assert from 'node:assert/strict';
import { latencyChart, renderSvg } from '../../src/charts/index.js';
import type { Shape } from '../report/corpus/generate.js';
import { shapeModel } from './helpers.js';

/** The outline of a vega symbol path: its commands (A: arcs of a circle, L: a polygon's edges). */
const outline = (d: string) => d.replace(/[^A-Za-z]/g, '');

async function legendAndDots(shape: Partial<Shape>) {
  const { svg } = await renderSvg(latencyChart(shapeModel(shape)).spec as Record<string, unknown>);
  const legend = new Map<string, string>();
  for (const [, d, text] of svg.matchAll(/role-legend-symbol"[^>]*><path[^>]* d="([^"]+)"[^>]*\/><\/g><g class="mark-text role-legend-label"[^>]*><text[^>]*>([^<]+)<\/text>/g)) legend.set(text, outline(d));
  const dots = [...svg.matchAll(/aria-label="[^"]*Statistic: ([^;"]+)[^"]*" role="graphics-symbol" aria-roledescription="point"[^>]* d="([^"]+)"/g)].map(([, statistic, d]) => ({ statistic, outline: outline(d) }));
  return { legend, dots };
}

describe('charts: latency legend', function () {
  this.timeout(60000);

  for (const [name, shape] of Object.entries({ 'three levels': {}, 'one level': { levels: [1] }, 'fourteen levels': { levels: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10000], perRun: 3 } })) {
    it(`${name}: mean and 95th percentile have different legend symbols, and each dot its statistic's`, async () => {
      const { legend, dots } = await legendAndDots(shape);
      assert.ok(legend.has('mean') && legend.has('95th percentile'), [...legend.keys()].join(', '));
      assert.notEqual(legend.get('mean'), legend.get('95th percentile'), 'the symbols differ in shape, not just in dashes');
      assert.ok(dots.length > 0);
      for (const dot of dots) assert.equal(dot.outline, legend.get(dot.statistic), `a ${dot.statistic} dot`);
      assert.deepEqual(new Set(dots.map((d) => d.statistic)), new Set(['mean', '95th percentile']));
    });
  }

  it('one activation a group: no 95th percentile, no statistic legend', async () => {
    const { legend, dots } = await legendAndDots({ perRun: 1 });
    assert.equal(legend.has('95th percentile'), false);
    assert.equal(legend.has('mean'), false, 'one statistic needs no legend');
    assert.deepEqual(dots, [], 'the dots carry no statistic shape');
  });
});
