// The library API that notebooks and users import. Each stage exports what a user composes.
export * from './types.js';
export { CliError, InputError, UsageError } from './errors.js';
export { version } from './version.js';
export { ingestFiles, ingestText, loadFrame, frameOf, COLUMNS, type IngestOptions, type InputSpec } from './ingest/index.js';
export { startLocalWhisk, loadConfigFile, GUEST_KEY, GUEST_NAMESPACE, type LocalWhisk, type LocalWhiskOptions, type LocalWhiskConfig, type FaultConfig, type ActivationRecord } from './local/index.js';
export { analyze, formatAnalysis, quantileSorted, mean, max, roundHalfEven, runtimesInInputOrder, chooseBaseline, TOTAL_PERCENTILES, SPEEDUP_METRICS, BOOTSTRAP, INTERVAL_FIGURES, mannWhitney, holm, magnitudeOf, type AnalyzeOptions } from './analyze/index.js';
export * from './report/index.js';
// The whole flow for one document, exactly as `owbench report` composes it (notebooks render the same bytes).
export { composeDocument, parseLabels, type DocumentRequest } from './cli/report.js';
export * from './openwhisk/index.js';
export { CHARTS, chartFigures, withFigures, assetFolder, figureFiles, renderSvg, renderPng, type FigureOptions, type AssetFile, type RenderedChart, type Chart } from './charts/index.js';
// Writing a document with its figures, exactly as `owbench report --out` and `owbench docs` do.
export { renderDocumentOutput, writeDocumentOutput, type DocumentOutput } from './cli/document.js';
export { withRunNotes } from './openwhisk/notes.js';
// Pulling a deployment's activation records into an NDJSON input, exactly as `owbench fetch` does.
export { pullActivations as fetch, type FetchOptions, type FetchSummary } from './openwhisk/fetch.js';
export type { FetchWindow } from './openwhisk/fetch-window.js';
