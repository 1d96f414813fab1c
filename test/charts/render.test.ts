// Headless rendering: the same spec gives the same SVG whatever was rendered before (vega's id
// counters restart), text widths match the glyphs resvg draws, and PNGs carry their text.
import assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import { chartFigures, renderPng, renderSvg } from '../../src/charts/index.js';
import { FONT_FAMILY, FONT_FILES } from '../../src/charts/fonts.js';
import { loadFontMetrics } from '../../src/charts/text-metrics.js';
import { coldModel, sweepModel } from './helpers.js';

const fontOptions = { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY };

describe('charts: rendering', function () {
  this.timeout(60000);

  it('renders a spec to the same bytes however many charts came before (ids restart per chart)', async () => {
    // A clipped mark makes vega emit a clipPath with a generated id.
    const strip = chartFigures(coldModel()).find((f) => f.id === 'strip')?.spec as Record<string, unknown>;
    const clipped = { ...strip, mark: { ...(strip.mark as object), clip: true } };
    const first = await renderSvg(clipped);
    assert.match(first.svg, /<clipPath id="clip1">/);
    await renderSvg(clipped);
    const again = await renderSvg(clipped);
    assert.equal(again.svg, first.svg);
  });

  it('measures text as DejaVu Sans draws it: within 2% of the width resvg renders', () => {
    const metrics = { regular: loadFontMetrics(FONT_FILES.regular), bold: loadFontMetrics(FONT_FILES.bold) };
    for (const [weight, text] of [['regular', 'Concurrent invocations'], ['bold', 'Total time (ms, log scale)'], ['regular', 'WASM × Docker — 1,000']] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200"><text x="10" y="150" font-family="${FONT_FAMILY}" font-size="100"${weight === 'bold' ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const box = new Resvg(svg, { font: fontOptions }).getBBox();
      assert.ok(box, 'resvg drew the text');
      const measured = metrics[weight].width(text, 100);
      // The drawn box excludes the first glyph's left bearing and the last one's right bearing.
      assert.ok(Math.abs(measured - box.width) / box.width < 0.02, `${text}: measured ${measured}, drawn ${box.width}`);
    }
  });

  it('draws the text into the PNG (resvg is given the font files)', async () => {
    const split = chartFigures(sweepModel()).find((f) => f.id === 'split');
    const { svg } = await renderSvg(split?.spec as Record<string, unknown>);
    const withText = await renderPng(svg);
    const withoutText = await renderPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    assert.ok(withText.length > withoutText.length * 1.2, `text adds pixels: ${withText.length} vs ${withoutText.length} bytes`);
  });
});
