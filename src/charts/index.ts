// The charts stage: Vega-Lite specs built from the report model, and their headless rendering.
export { CHARTS, chartFigures, withFigures, assetFolder, type FigureOptions } from './figures.js';
export { figureFiles, startFigures, type AssetFile, type FigureFiles } from './assets.js';
export { renderSvg, renderPng, startRenderer, type RenderedChart } from './render.js';
export { latencyChart } from './latency.js';
export { splitChart } from './split.js';
export { speedupChart } from './speedup.js';
export { ecdfChart } from './ecdf.js';
export { stripChart } from './strip.js';
export { RUNTIME_COLORS, runtimeColorScale, projectPalette, documentPalette, type RuntimePalette } from './palette.js';
export { folderPalette, specColours } from './project.js';
export type { Chart } from './chart.js';
