// No two tick labels of an axis overlap, nor two panel headers or axis titles, in any figure,
// whatever the levels: one, fourteen up to 10000, sixty-four, with two or four runtimes and long
// names. Boxes come from the drawn SVG (positions, rotation) and the pinned font's widths.
import assert from 'node:assert/strict';
import { chartFigures, renderSvg } from '../../src/charts/index.js';
import { concurrencyAxis } from '../../src/charts/axis.js';
import type { Shape } from '../report/corpus/generate.js';
import { labelCorners, overlap, overlappingTickLabels, readSvg } from './svg.js';
import { shapeModel } from './helpers.js';

const LONG = { rt0: 'vanilla docker', rt1: 'nodejs:20-with-a-long-name', rt2: 'WASM', rt3: 'python:3.11 blackbox' };
const SHAPES: Record<string, Partial<Shape>> = {
  'one level': { levels: [1] },
  'one level, four runtimes': { levels: [1], runtimes: 4 },
  'fourteen levels up to 10000': { levels: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10000], perRun: 3 },
  'levels 1 to 64': { levels: Array.from({ length: 64 }, (_, i) => i + 1), perRun: 2 },
  'levels 1 to 64, four runtimes, 100× apart': { levels: Array.from({ length: 64 }, (_, i) => i + 1), perRun: 1, runtimes: 4, factor: 100 },
};

/** Text boxes of one kind (panel headers, axis titles) that overlap one another. */
function overlappingTexts(svg: string, group: RegExp): Array<[string, string]> {
  const texts = readSvg(svg).labels.filter((l) => group.test(l.group));
  const clashes: Array<[string, string]> = [];
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => overlap(labelCorners(a), labelCorners(b)) && clashes.push([a.text, b.text])));
  return clashes;
}

describe('charts: axis labels', function () {
  this.timeout(120000);

  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: no overlapping tick labels, headers or axis titles in any figure`, async () => {
      for (const figure of chartFigures(shapeModel(shape, Object.fromEntries(Object.entries(LONG).slice(0, shape.runtimes ?? 2))))) {
        if (figure.spec === null) continue;
        const { svg } = await renderSvg(figure.spec);
        assert.deepEqual(overlappingTickLabels(svg), [], `${figure.id}: tick labels`);
        assert.deepEqual(overlappingTexts(svg, /role-title-text|role-axis-title/), [], `${figure.id}: headers and titles`);
        // Every level keeps a label while upright or slanted labels fit; thinned out only on end.
        const axis = readSvg(svg).labels.filter((l) => l.group.startsWith('mark-text role-axis-label') && /^\d+$/.test(l.text));
        assert.ok(axis.length > 0, `${figure.id}: the concurrency axis is labelled`);
      }
    });
  }

  it('the check can fail: upright labels of 14 levels in a 280 px panel overlap', async () => {
    const spec = { width: 280, height: 100, data: { values: SHAPES['fourteen levels up to 10000'].levels?.map((c) => ({ c })) }, mark: 'point', encoding: { x: { field: 'c', type: 'ordinal', axis: { labelAngle: 0 } } } };
    const { svg } = await renderSvg(spec);
    assert.ok(overlappingTickLabels(svg).length > 0);
  });

  it('upright while labels fit, -45° while slots are 1.5 em, on end and thinned beyond (hand computed)', () => {
    assert.equal(concurrencyAxis([1, 2, 4, 8], 560).labelAngle, 0);
    // 14 levels in 300 px: 21.4 px a slot (at least 1.5 em + 3 px), "10000" is 38 px wide at 12 px.
    assert.equal(concurrencyAxis([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000, 2000, 5000, 10000], 300).labelAngle, -45);
    const tight = concurrencyAxis(Array.from({ length: 64 }, (_, i) => i + 1), 280);
    assert.equal(tight.labelAngle, -90);
    // 4.4 px a slot, 18 px a label: every 5th level.
    assert.deepEqual(tight.values, Array.from({ length: 13 }, (_, i) => 1 + 5 * i));
    assert.equal(concurrencyAxis([1], 120).title, 'Concurrency', 'a panel narrower than the full title');
  });
});
