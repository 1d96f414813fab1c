// The figures of a document, in a fixed order, each drawn or left out with its reason, and (for
// a document written to a file) the links to its images: docs/NAME.md → NAME/<id>.svg etc.
import path from 'node:path';
import type { FigureId, ModelFigure, ReportModel } from '../report/model.js';
import type { Chart } from './chart.js';
import { ecdfChart } from './ecdf.js';
import { documentPalette, projectPalette, type RuntimePalette } from './palette.js';
import { latencyChart } from './latency.js';
import { speedupChart } from './speedup.js';
import { splitChart } from './split.js';
import { stripChart } from './strip.js';

export const CHARTS: ReadonlyArray<readonly [FigureId, (model: ReportModel, palette: RuntimePalette) => Chart]> = [
  ['latency', latencyChart],
  ['split', splitChart],
  ['speedup', speedupChart],
  ['ecdf', ecdfChart],
  ['strip', stripChart],
];

export interface FigureOptions {
  /** Also link (and write) a PNG of each figure. */
  png?: boolean;
  /** Colours the project's runtimes already have (palette.ts); the document's others get free ones. */
  palette?: RuntimePalette;
}

/** Every figure with its spec or reason; no links (nothing is written). */
export function chartFigures(model: ReportModel, palette: RuntimePalette = documentPalette(model)): ModelFigure[] {
  return CHARTS.map(([id, chart]) => ({ id, ...chart(model, palette), path: null, spec_path: null, png_path: null }));
}

/** The folder beside `documentFile` that holds its figures: docs/NAME.md → docs/NAME. */
export function assetFolder(documentFile: string): string {
  return path.join(path.dirname(documentFile), path.basename(documentFile, path.extname(documentFile)));
}

/** The model with its figures linked relative to `documentFile`, ready for the templates. */
export function withFigures(model: ReportModel, documentFile: string, options: FigureOptions = {}): ReportModel {
  const folder = path.basename(assetFolder(documentFile));
  const link = (id: FigureId, extension: string) => encodeURI(`${folder}/${id}.${extension}`);
  const palette = projectPalette([model.runtimes.map((r) => r.label)], options.palette);
  const figures = chartFigures(model, palette).map((figure) =>
    figure.spec === null
      ? figure
      : {
          ...figure,
          path: link(figure.id, 'svg'),
          spec_path: link(figure.id, 'vl.json'),
          png_path: options.png ? link(figure.id, 'png') : null,
        },
  );
  return { ...model, figures };
}
