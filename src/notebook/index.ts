// The notebook API: one import gives loading, analysis, runs, pulls, documents and charts, each
// displaying itself in the notebook. Paths are relative to the project root.
import { showFramesAsTables } from './frames.js';
import { installKernelErrors } from './kernel-errors.js';

export { load, Activations, type LoadOptions } from './table.js';
export { analyze, Results, type NotebookAnalyzeOptions } from './analysis.js';
export { run, type RunResult } from './run.js';
export { fetch, type NotebookFetchOptions } from './fetch.js';
export { report, type ReportOptions, type WrittenReport } from './report.js';
export { plot, chartBundle, VEGALITE_MIME, type ChartSpec } from './charts.js';
export { params } from './params.js';
export { show, liveDisplay, setDisplaySink, type Bundle, type DisplayMessage } from './display.js';
export { datasets, studies } from './studies.js';
export { frameBundle } from './frames.js';
export { projectRoot } from './paths.js';
export type { SourceLabel } from './sources.js';

showFramesAsTables();
installKernelErrors();
