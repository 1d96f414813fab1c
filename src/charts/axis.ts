// The concurrency axis, laid out so its tick labels never overlap: upright while the widest
// label fits its level's slot, slanted at -45° while slots are at least 1.5 em apart, upright
// on end (-90°) below that, and only every k-th level labelled where even those would touch.
// Widths come from the pinned font's own metrics, the ones the SVG is laid out with. A panel
// narrower than the title "Concurrent invocations" gets "Concurrency" (side by side, they ran together).
import { FONT_FILES } from './fonts.js';
import { loadFontMetrics, type FontMetrics } from './text-metrics.js';
import { CONFIG } from './theme.js';

const TITLE = 'Concurrent invocations';
/** For panels narrower than the title: facet panels side by side would run their titles together. */
const SHORT_TITLE = 'Concurrency';
/** Space kept between neighbouring labels, in pixels. */
const GAP = 6;
let metrics: FontMetrics | null = null;
let bold: FontMetrics | null = null;

export function concurrencyAxis(levels: readonly number[], width: number): Record<string, unknown> {
  metrics ??= loadFontMetrics(FONT_FILES.regular);
  bold ??= loadFontMetrics(FONT_FILES.bold);
  const size = CONFIG.axis.labelFontSize;
  const title = bold.width(TITLE, CONFIG.axis.titleFontSize) + 2 * GAP <= width ? TITLE : SHORT_TITLE;
  const distinct = [...new Set(levels)].sort((a, b) => a - b);
  const slot = width / Math.max(distinct.length, 1);
  const widest = Math.max(0, ...distinct.map((level) => (metrics as FontMetrics).width(String(level), size)));
  if (widest + GAP <= slot) return { title, labelAngle: 0 };
  if (slot >= 1.5 * size + GAP / 2) return { title, labelAngle: -45 };
  const every = Math.ceil((size + GAP) / slot);
  return { title, labelAngle: -90, ...(every > 1 ? { values: distinct.filter((_, i) => i % every === 0) } : {}) };
}
