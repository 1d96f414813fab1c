// Headless rendering: Vega-Lite spec → Vega → SVG string (renderer 'none', no DOM, no canvas),
// and SVG → PNG with resvg. Deterministic bytes: text measured from the pinned DejaVu Sans files,
// SVG clip/gradient ids restarted for every chart, no time fields, no randomness in the specs.
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { loadFontMetrics } from './text-metrics.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

export interface RenderedChart {
  svg: string;
  /** What vega-lite warned about while compiling (a correct spec has none). */
  warnings: string[];
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  text?: unknown;
}

let engines: Promise<{ vega: Vega; vl: VegaLite }> | null = null;

/** vega and vega-lite are ES modules with top-level await: imported on first use, so a report without charts never loads them. */
function loadEngines(): Promise<{ vega: Vega; vl: VegaLite }> {
  engines ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    const regular = loadFontMetrics(FONT_FILES.regular);
    const bold = loadFontMetrics(FONT_FILES.bold);
    // vega-scenegraph's documented hook for custom text measurement (its typings omit it).
    const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } };
    textMetrics.width = (item, text) => {
      const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
      const value = String(text ?? item.text ?? '').trim();
      const isBold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
      return (isBold ? bold : regular).width(value, size);
    };
    return { vega, vl };
  });
  return engines;
}

let queue: Promise<unknown> = Promise.resolve();

/** Renders one Vega-Lite spec to SVG. Charts render one at a time: vega's SVG ids are global counters. */
export function renderSvg(spec: Record<string, unknown>): Promise<RenderedChart> {
  const next = queue.then(() => renderNow(spec));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow(spec: Record<string, unknown>): Promise<RenderedChart> {
  const { vega, vl } = await loadEngines();
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => { throw new Error(`vega-lite: ${args.join(' ')}`); },
    warn: (...args: unknown[]) => { warnings.push(args.join(' ')); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = vl.compile(spec as unknown as Parameters<VegaLite['compile']>[0], { logger: logger as never }).spec;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
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
