// A UnitComparison built by hand for the findings' rule tests: total time, cold part, 6 vs 6 runs.
import type { UnitComparison } from '../../../src/types.js';

export function comparison(fields: Partial<UnitComparison> & { concurrency: number; p: number; mean_ratio: number }): UnitComparison {
  return {
    baseline: 'rt0', candidate: 'rt1', part: 'cold', metric: 'total_ms', unit: 'run',
    n_baseline: 6, n_candidate: 6, activations_baseline: 30, activations_candidate: 30,
    median_ratio: fields.mean_ratio, mean_ci: null, median_ci: null, no_interval: null,
    p_adjusted: fields.p, method: 'exact permutation', significant: fields.p < 0.05, cliffs_delta: 0, heavy_tails: [],
    ...fields,
  };
}
