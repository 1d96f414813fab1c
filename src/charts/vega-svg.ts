// Vega-Lite spec → Vega → SVG string in this thread (renderer 'none', no DOM, no canvas).
// Deterministic bytes: text measured from the pinned DejaVu Sans files, SVG clip/gradient ids
// restarted for every chart, no time fields.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { FONT_FILES } from './fonts.js';
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

let engines: { vega: Vega; vl: VegaLite } | null = null;

/**
 * vega and vega-lite from the single-file builds both packages ship (build/vega.min.js,
 * build/vega-lite.min.js; the same releases as their ES modules, whose SVG bytes are the same):
 * two files to compile instead of some 300 modules to resolve and link, a third of the CPU that
 * importing them took. Loaded once per thread, on first use.
 */
export function loadEngines(): { vega: Vega; vl: VegaLite } {
  if (engines) return engines;
  const vega = loadBundle('vega', 'vega.min.js', {}) as Vega;
  const vl = loadBundle('vega-lite', 'vega-lite.min.js', { vega }) as VegaLite;
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
  engines = { vega, vl };
  return engines;
}

const require = createRequire(import.meta.url);

/** Runs a package's UMD build as CommonJS, its `require` answering only from `dependencies`. */
function loadBundle(name: string, file: string, dependencies: Record<string, unknown>): unknown {
  const filename = path.join(path.dirname(require.resolve(name)), file);
  const wrapped = `(function (exports, module, require) {${readFileSync(filename, 'utf8')}\n})`;
  const factory = new vm.Script(wrapped, { filename }).runInThisContext() as (exports: object, module: object, require: (id: string) => unknown) => void;
  const module = { exports: {} };
  factory(module.exports, module, (id) => {
    if (!(id in dependencies)) throw new Error(`${filename}: requires ${id}, which is not bundled`);
    return dependencies[id];
  });
  return module.exports;
}

let queue: Promise<unknown> = Promise.resolve();

/** Renders one spec; charts of one thread render one at a time, as vega's SVG ids are global counters. */
export function renderSvgHere(spec: Record<string, unknown>): Promise<RenderedChart> {
  const next = queue.then(() => renderNow(spec));
  queue = next.catch(() => undefined);
  return next;
}

async function renderNow(spec: Record<string, unknown>): Promise<RenderedChart> {
  const { vega, vl } = loadEngines();
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
