// The percentile boxes as drawn (strip plots of more than STRIP_LIMIT activations): each
// whisker (5th to 95th percentile) runs through the middle of its box (25th to 75th) and past
// both ends, with one level or many, two runtimes or four.
import assert from 'node:assert/strict';
import { renderSvg, stripChart } from '../../src/charts/index.js';
import { readSvg } from './svg.js';
import { shapeModel } from './helpers.js';

describe('charts: percentile boxes', function () {
  this.timeout(60000);

  for (const [levels, runtimes, perRun] of [[[1], 2, 1100], [[1, 2, 4], 4, 300], [[1, 2, 4, 8, 16, 32, 64, 128], 2, 150]] as const) {
    it(`${levels.length} level(s), ${runtimes} runtimes: every whisker passes through its box's centre`, async () => {
      const chart = stripChart(shapeModel({ levels: [...levels], runtimes, perRun }));
      assert.match(chart.title, /median, quartiles/, 'drawn as boxes');
      const { svg } = await renderSvg(chart.spec as Record<string, unknown>);
      const { marks } = readSvg(svg);
      const boxes = marks.filter((m) => m.role === 'bar');
      const whiskers = marks.filter((m) => m.role === 'rule mark');
      assert.equal(boxes.length, levels.length * runtimes);
      assert.equal(whiskers.length, boxes.length);
      for (const box of boxes) {
        const key = box.label.match(/concurrency: \d+/)?.[0] + box.label.match(/; runtime: [^;]+/)?.[0];
        const whisker = whiskers.find((w) => w.label.match(/concurrency: \d+/)?.[0] + w.label.match(/; runtime: [^;]+/)?.[0] === key);
        assert.ok(whisker, key);
        assert.ok(Math.abs(whisker.x - (box.x + box.dx / 2)) < 0.5, `${key}: whisker at x=${whisker.x}, box ${box.x}–${box.x + box.dx}`);
        const [top, bottom] = [Math.min(whisker.y, whisker.y + whisker.dy), Math.max(whisker.y, whisker.y + whisker.dy)];
        assert.ok(top <= box.y + 0.5 && bottom >= box.y + box.dy - 0.5, `${key}: the whisker spans the box`);
        assert.ok(box.dx >= 3, `${key}: box ${box.dx} px wide`);
      }
    });
  }
});
