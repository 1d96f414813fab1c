// The analyze stage's public face: pure statistics over the activation table (DESIGN.md §2.3).
// Groups come sorted by runtime in plain string order (the JSON contract); a document that wants
// runtimes in input order reorders with runtimesInInputOrder.
export { analyze, type AnalyzeOptions } from './analyze.js';
export { chooseBaseline, runtimesInInputOrder } from './baseline.js';
export { formatAnalysis } from './format.js';
export { noIntervals, INTERVAL_FIGURES } from './intervals.js';
export { BOOTSTRAP } from './bootstrap.js';
export { mannWhitney, holm, magnitudeOf } from './rank-test.js';
export { quantileSorted, TOTAL_PERCENTILES } from './quantile.js';
export { mean, max } from './moments.js';
export { roundHalfEven } from './round.js';
export { SPEEDUP_METRICS } from './speedups.js';
