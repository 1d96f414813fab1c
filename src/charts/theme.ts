// The look shared by every chart: sized for GitHub's Markdown column (about 800 px), white
// background (legible in dark mode too), one pinned font, words in titles and axes.
import { FONT_STACK } from './fonts.js';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 280;

export const CONFIG = {
  background: 'white',
  padding: 12,
  font: FONT_STACK,
  title: { fontSize: 15, fontWeight: 'bold', anchor: 'start', offset: 12, subtitleFontSize: 12, subtitleColor: '#555555' },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'bold', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', labelLimit: 260 },
  header: { labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 12 },
  view: { stroke: '#d0d0d0' },
} as const;

/** A spec's common frame: schema, title and config. */
export function frame(title: string, subtitle: string | null): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    config: CONFIG,
  };
}
