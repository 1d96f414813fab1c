// A chart in a notebook is one output with two representations: the Vega-Lite spec (JupyterLab and
// VS Code render it, interactive) and a PNG (the classic notebook, `nbconvert --to html` and
// GitHub's viewer, which know no Vega-Lite MIME type; Debian's nbconvert strips inline SVG). Each
// front end shows the richest one it renders, so exactly one appears.
import { renderPng, renderSvg } from '../index.js';
import { show } from './display.js';

/** The Vega-Lite MIME type JupyterLab's built-in renderer (@jupyterlab/vega5-extension) and VS Code accept. */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGALITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

export type ChartSpec = Record<string, unknown>;

export interface ChartBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export async function chartBundle(spec: ChartSpec): Promise<ChartBundle> {
  const { svg } = await renderSvg(spec);
  const png = await renderPng(svg);
  // renderPng draws at twice the SVG's size: show it at the SVG's size, sharp on dense screens.
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const title = typeof spec.title === 'string' ? spec.title : ((spec.title as { text?: string } | undefined)?.text ?? 'chart');
  // JupyterLab and VS Code draw the spec live: a tooltip on every mark gives its values on hover.
  const config = (spec.config ?? {}) as { mark?: Record<string, unknown> };
  const live = { ...spec, $schema: VEGALITE_SCHEMA, config: { ...config, mark: { ...config.mark, tooltip: true } } };
  return {
    // The specs use nothing Vega-Lite 6 added; the v5 schema keeps the v5 renderers from warning.
    data: { [VEGALITE_MIME]: live, 'image/png': png.toString('base64'), 'text/plain': `<chart: ${title}>` },
    metadata: Number.isFinite(width) ? { 'image/png': { width: Math.round(width) } } : {},
  };
}

/** Any Vega-Lite spec, displayed as a chart. */
export async function plot(spec: ChartSpec): Promise<void> {
  const bundle = await chartBundle(spec);
  show(bundle.data, bundle.metadata);
}
