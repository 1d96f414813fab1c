// Headless rendering: Vega-Lite spec → SVG string in the render workers (render-pool.ts, the
// rendering itself in vega-svg.ts), and SVG → PNG with resvg, text drawn with DejaVu Sans.
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { renderInPool, startRenderer } from './render-pool.js';
import { renderSvgHere, type RenderedChart } from './vega-svg.js';

export type { RenderedChart };
export { startRenderer };

/** Renders one Vega-Lite spec to SVG; the same spec gives the same bytes whatever was rendered before. */
export function renderSvg(spec: Record<string, unknown>): Promise<RenderedChart> {
  return renderInPool(spec) ?? renderSvgHere(spec);
}

/** PNG at twice the SVG's size (sharp on high-density screens), text drawn with DejaVu Sans. */
export async function renderPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  // resvg draws no text at all without font files: give them explicitly, never the system's.
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  });
  return resvg.render().asPng();
}
