// The analyze stage's public face: pure statistics over the activation table.
export { analyze, type AnalyzeOptions } from './analyze.js';
export { formatAnalysis } from './format.js';
export { quantileSorted, TOTAL_PERCENTILES } from './quantile.js';
export { mean, max } from './moments.js';
export { roundHalfEven } from './round.js';
export { SPEEDUP_METRICS } from './speedups.js';
