// The render worker's warm-up chart (src/charts/warm-up.ts): a valid spec that draws the marks
// it is meant to warm up, and after which a document's figure keeps its bytes.
import assert from 'node:assert/strict';
import { chartFigures } from '../../src/charts/index.js';
import { renderSvgHere } from '../../src/charts/vega-svg.js';
import { WARM_UP_SPEC } from '../../src/charts/warm-up.js';
import { coldModel } from './helpers.js';

describe('charts: warm-up', function () {
  this.timeout(60000);

  it('draws lines, points, rules, ticks and text without a vega-lite warning', async () => {
    const { svg, warnings } = await renderSvgHere(WARM_UP_SPEC);
    assert.deepEqual(warnings, []);
    for (const mark of ['mark-rule', 'mark-line', 'mark-symbol', 'mark-rect', 'mark-text']) assert.ok(svg.includes(`class="${mark} role-mark`), `${mark} drawn`);
    assert.ok(svg.includes('role-legend'), 'a legend drawn');
  });

  it('leaves the next chart its bytes: the same figure before and after it', async () => {
    const strip = chartFigures(coldModel()).find((f) => f.id === 'strip')?.spec as Record<string, unknown>;
    const clipped = { ...strip, mark: { ...(strip.mark as object), clip: true } };
    const before = await renderSvgHere(clipped);
    await renderSvgHere(WARM_UP_SPEC);
    const after = await renderSvgHere(clipped);
    assert.equal(after.svg, before.svg);
  });
});
