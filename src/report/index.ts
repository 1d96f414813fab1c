// The report stage: table + analysis → report model (plain JSON) → Markdown documents.
export { buildReportModel, type ReportOptions } from './build.js';
export { chooseTemplate, type TemplateChoice } from './choose-template.js';
export { renderReport, renderTemplate, templatesDir } from './render.js';
export { renderIndexPage, type IndexEntry } from './index-page.js';
export { writeFileAtomic } from './write.js';
export { escapeInline, escapeCell, codeSpan, codeCell, alignTable } from './markdown.js';
export { listDatasets, readDataset, folderDatasets, DATASET_PROVIDERS, type Dataset, type DatasetProvider } from './datasets.js';
export { provenanceInputs, displayPath } from './provenance.js';
export { THRESHOLDS } from './claims/thresholds.js';
export * from './model.js';
export type { PairClaims, PairRun } from './claims/pair.js';
export type { SweepClaims, SweepComparison, SweepRow } from './claims/sweep.js';
export type { WarmClaims, WarmComparison } from './claims/warm.js';
export type { Comparison, Side } from './claims/compare.js';
export type { Spread, LevelRatio, RuntimeRef } from './claims/levels.js';
export type { Trend, Range, Growth, Point } from './claims/series.js';
export type { ModelStatistics, StatisticsRow, MixedResult, TrendSentence, TestVerdict } from './statistics.js';
export type { ModelCaveats, CaveatGroup, Principle } from './caveats.js';
