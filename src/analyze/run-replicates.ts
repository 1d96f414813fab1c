// Resampled means of a level's total time over whole runs, for the trend's interval where the
// experimental unit is the run (issue 11): drawing activations would treat the activations of a
// run as independent, and a run effect then reads as a trend (null data named one 10% of the time).
import { BOOTSTRAP } from './bootstrap.js';
import { GROUP_MIN } from './group-interval.js';
import type { Uniform } from './prng.js';
import type { RunSample } from './run-cells.js';

/**
 * B pooled means (total over activations) of `runs` drawn with replacement; undefined below the
 * runs from which a level's own mean gets an interval (GROUP_MIN.run), where coverage is unmeasured.
 */
export function runMeanReplicates(runs: readonly RunSample[], uniform: Uniform): Float64Array | undefined {
  const k = runs.length;
  if (k < GROUP_MIN.run) return undefined;
  const sums = Float64Array.from(runs, (r) => r.sum);
  const sizes = Float64Array.from(runs, (r) => r.sorted.length);
  const out = new Float64Array(BOOTSTRAP.resamples);
  for (let b = 0; b < out.length; b++) {
    let total = 0;
    let n = 0;
    for (let i = 0; i < k; i++) {
      const pick = (uniform() * k) | 0;
      total += sums[pick];
      n += sizes[pick];
    }
    out[b] = total / n;
  }
  return out;
}
