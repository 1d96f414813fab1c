// A document's figures as files: for docs/NAME.md, the folder docs/NAME/ holds <id>.svg, the
// Vega-Lite spec <id>.vl.json (open it in the Vega editor) and, on request, <id>.png. Everything
// is rendered in memory; the caller writes the files (atomically) once every one of them exists.
import path from 'node:path';
import type { ReportModel } from '../report/model.js';
import { assetFolder, CHARTS } from './figures.js';
import { renderPng, renderSvg, type RenderedChart } from './render.js';

export interface AssetFile {
  /** Where to write it: the document's folder joined with the figure's relative link. */
  file: string;
  content: string | Uint8Array;
}

export interface FigureFiles {
  files: AssetFile[];
  /** Figure files an earlier render may have left that this one does not write (a figure now left out, a PNG no longer asked for). */
  stale: string[];
}

const EXTENSIONS = ['svg', 'vl.json', 'png'] as const;

/** Drawings startFigures began, by spec, until figureFiles takes them. */
const started = new WeakMap<object, Promise<RenderedChart>>();

/**
 * Hands the figures of a model made by withFigures to the render workers now, so that they are
 * drawn while this thread renders the Markdown; figureFiles then takes these drawings.
 */
export function startFigures(model: ReportModel): void {
  for (const figure of model.figures) {
    if (figure.spec === null || figure.path === null || started.has(figure.spec)) continue;
    const drawing = renderSvg(figure.spec);
    drawing.catch(() => undefined); // figureFiles reports a failure; a document that fails first never asks
    started.set(figure.spec, drawing);
  }
}

function drawingOf(spec: Record<string, unknown>): Promise<RenderedChart> {
  const drawing = started.get(spec);
  started.delete(spec);
  return drawing ?? renderSvg(spec);
}

/** Renders the figures of a model made by withFigures(model, documentFile, …). */
export async function figureFiles(model: ReportModel, documentFile: string): Promise<FigureFiles> {
  const base = path.dirname(documentFile);
  const target = (link: string) => path.join(base, decodeURI(link));
  // Every figure is handed to the render workers at once; the files keep the figures' order.
  const rendered = await Promise.all(
    model.figures.map(async (figure): Promise<AssetFile[]> => {
      if (figure.spec === null || figure.path === null || figure.spec_path === null) return [];
      const { svg } = await drawingOf(figure.spec);
      const files = [
        { file: target(figure.path), content: svg },
        { file: target(figure.spec_path), content: `${JSON.stringify(figure.spec, null, 2)}\n` },
      ];
      return figure.png_path === null ? files : [...files, { file: target(figure.png_path), content: await renderPng(svg) }];
    }),
  );
  const files = rendered.flat();
  const written = new Set(files.map((f) => f.file));
  const folder = assetFolder(documentFile);
  const stale = CHARTS.flatMap(([id]) => EXTENSIONS.map((extension) => path.join(folder, `${id}.${extension}`))).filter(
    (file) => !written.has(file),
  );
  return { files, stale };
}
