// A group's 95% interval of its mean total at the experimental unit (issue 11): with several runs,
// over whole runs; with one run, over its activations, and then it describes that run only; none
// where bench/coverage/ measured poor coverage. The method is the bootstrap-t over those units
// (the pooled mean studentized by its cluster-robust standard error): one lognormal sample is
// skewed, and a percentile or Student-t interval of it covered under 90% at the n owbench sees
// (bench/coverage/coverage.md), where the bootstrap-t corrects for the skew.
import type { GroupMeanInterval, Interval } from '../types.js';
import { RowCursor, type RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';
import { BOOTSTRAP } from './bootstrap.js';
import { typeQuantile } from './cluster-bootstrap.js';
import { studentTQuantile } from './distributions.js';
import type { Uniform } from './prng.js';
import { countOf, sampleOf, type RunSample } from './run-cells.js';
import { GROUP_KEYS_DEFAULT, type GroupKey } from './columns.js';
import { groupIdsOf } from './group-ids.js';

/**
 * The fewest runs (several runs) or activations (one run) before a group's mean gets an interval:
 * the smallest n from which every setting bench/coverage/ measured (lognormal, σ 0.5 and 1 within
 * runs, run effects 0 and 0.3) covers the true mean 92% of the time or more. One run's activations
 * at σ 1 covered 89.5% at 10 and 92.0% at 30, so 30.
 */
export const GROUP_MIN = { run: 4, activation: 30 } as const;

/**
 * runs: the group's successful totals, one sample per run (one sample: one run, or runs unknown).
 * `minimum` is lifted only by bench/coverage/, to measure the coverage below the thresholds.
 */
export function groupMeanInterval(runs: readonly RunSample[], uniform: Uniform, minimum: { run: number; activation: number } = GROUP_MIN): GroupMeanInterval {
  const activations = countOf(runs);
  const unit = runs.length > 1 ? 'run' : 'activation';
  const base = { unit, runs: runs.length, activations } as const;
  if (unit === 'run' && runs.length < minimum.run) return { ...base, ci: null, no_interval: 'too few runs' };
  if (unit === 'activation' && activations < minimum.activation) return { ...base, ci: null, no_interval: 'too few activations' };
  const sums = unit === 'run' ? Float64Array.from(runs, (r) => r.sum) : runs[0].sorted;
  const sizes = unit === 'run' ? Float64Array.from(runs, (r) => r.sorted.length) : new Float64Array(activations).fill(1);
  const ci = bootstrapT(sums, sizes, uniform);
  return ci !== null && ci[1] > ci[0] ? { ...base, ci, no_interval: null } : { ...base, ci: null, no_interval: 'zero width' };
}

/** Units i with total sums[i] over sizes[i] activations: the pooled mean's bootstrap-t interval. */
function bootstrapT(sums: Float64Array, sizes: Float64Array, uniform: Uniform): Interval | null {
  const k = sums.length;
  const counts = new Uint32Array(k);
  counts.fill(1);
  const { mean, se } = studentized(sums, sizes, counts);
  if (!(se > 0)) return null;
  // Past exactMeanMax units the mean is near normal and k·B draws would be costly: Student t.
  if (k > BOOTSTRAP.exactMeanMax) {
    const half = studentTQuantile(1 - (1 - BOOTSTRAP.level) / 2, k - 1) * se;
    return [mean - half, mean + half];
  }
  const t = new Float64Array(BOOTSTRAP.resamples);
  for (let b = 0; b < t.length; b++) {
    counts.fill(0);
    for (let i = 0; i < k; i++) counts[(uniform() * k) | 0]++;
    const star = studentized(sums, sizes, counts);
    // A resample of one unit repeated has no spread: its t is unbounded, on the side it fell.
    t[b] = star.se > 0 ? (star.mean - mean) / star.se : star.mean >= mean ? Infinity : -Infinity;
  }
  t.sort();
  const tail = (1 - BOOTSTRAP.level) / 2;
  const interval: Interval = [mean - typeQuantile(t, 1 - tail) * se, mean - typeQuantile(t, tail) * se];
  return interval.every(Number.isFinite) ? interval : null;
}

/** The pooled mean of the units taken counts[i] times, and its cluster-robust standard error. */
function studentized(sums: Float64Array, sizes: Float64Array, counts: Uint32Array): { mean: number; se: number } {
  let total = 0;
  let n = 0;
  let k = 0;
  for (let i = 0; i < sums.length; i++) { total += counts[i] * sums[i]; n += counts[i] * sizes[i]; k += counts[i]; }
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < sums.length; i++) if (counts[i] > 0) squares += counts[i] * (sums[i] - mean * sizes[i]) ** 2;
  return { mean, se: Math.sqrt((k / (k - 1)) * squares) / n };
}

/**
 * Each default group's successful totals split by run (`runOf`, the unit's choice), keyed as
 * meanTotalKey: the samples groupMeanInterval takes. Compositions are in no group.
 */
export function totalsByGroupAndRun(store: ActivationStore, runOf: (row: RowView) => number): Map<string, RunSample[]> {
  const ids = groupIdsOf(store, DEFAULT_KEYS);
  const total = store.column('total_ms');
  const status = store.codes('status');
  const success = store.labels.status.find('success');
  const byGroup: Array<Map<number, number[]> | undefined> = [];
  // Groups in order of their first successful total, as the samples were always keyed.
  const groups: Array<{ key: string; runs: Map<number, number[]> }> = [];
  const row = new RowCursor(store);
  for (let i = 0; i < store.length; i++) {
    const g = ids.of[i];
    const value = total[i];
    if (g === -1 || status[i] !== success || success === -1 || value !== value) continue;
    let runs = byGroup[g];
    if (runs === undefined) {
      byGroup[g] = runs = new Map();
      groups.push({ key: meanTotalKey(row.at(i)), runs });
    }
    const run = runOf(row.at(i));
    const values = runs.get(run);
    if (values === undefined) runs.set(run, [value]);
    else values.push(value);
  }
  return new Map(groups.map(({ key, runs }) => [key, [...runs.values()].map(sampleOf)]));
}

const DEFAULT_KEYS: ReadonlySet<GroupKey> = new Set(GROUP_KEYS_DEFAULT);

export function meanTotalKey(g: Pick<RowView, 'runtime' | 'function' | 'memory_mb' | 'concurrency'>): string {
  return `${g.runtime}\u0000${g.function}\u0000${g.memory_mb}\u0000${g.concurrency}`;
}
