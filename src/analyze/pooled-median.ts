// numpy's median of a cell's runs resampled as whole runs (the cluster bootstrap's median), found
// by searching the order statistics of the weighted union with no copy made. Every resample's
// median lies between the smallest and the largest of the runs' own medians (proved at
// windowOf), so the search, and the table of ranks it reads, cover only that window of the pooled
// values: the same least index a search of all of them finds, in fewer steps.
import type { RunSample } from './run-cells.js';

/** Beyond this many entries (window values × runs) the rank table is not built: countAtMost searches instead. */
const RANK_TABLE_MAX = 1 << 23;

/** A cell's runs, their values pooled ascending, and what each resample's median search reads. */
export interface MedianSearch {
  runs: readonly RunSample[];
  all: Float64Array;
  /** The window of `all` every resampled median is in: indices low..high. */
  low: number;
  high: number;
  /** (i − low)·k + r: how many of run r's values are ≤ all[i]; null past RANK_TABLE_MAX. */
  ranks: Uint32Array | null;
  /** Scratch: the runs a resample draws (count > 0) and their counts. */
  used: Uint32Array;
  weight: Float64Array;
}

const searches = new WeakMap<readonly RunSample[], MedianSearch>();

/** Built once per cell (one pass over its window) and kept with it. `tableMax` is lowered only by tests. */
export function medianSearchOf(runs: readonly RunSample[], all: Float64Array, tableMax = RANK_TABLE_MAX): MedianSearch {
  const known = searches.get(runs);
  if (known !== undefined) return known;
  const { low, high } = windowOf(runs, all);
  const k = runs.length;
  const size = high - low + 1;
  const ranks = size * k <= tableMax ? new Uint32Array(size * k) : null;
  if (ranks !== null) {
    const at = new Uint32Array(k);
    for (let r = 0; r < k; r++) at[r] = countBelow(runs[r].sorted, all[low]);
    for (let i = low; i <= high; i++) {
      const v = all[i];
      for (let r = 0; r < k; r++) {
        const s = runs[r].sorted;
        let p = at[r];
        while (p < s.length && s[p] <= v) p++;
        at[r] = p;
        ranks[(i - low) * k + r] = p;
      }
    }
  }
  const search = { runs, all, low, high, ranks, used: new Uint32Array(k), weight: new Float64Array(k) };
  searches.set(runs, search);
  return search;
}

/**
 * With N = Σ c_r·n_r values drawn and j the lower median's 0-based rank (⌊(N − 1)/2⌋, or N/2 for
 * the upper one): below U = min_r s_r[⌊(n_r − 1)/2⌋] lie at most Σ c_r·⌊(n_r − 1)/2⌋ ≤ (N − 1)/2
 * drawn values, so neither median is below U; at or below V = max_r s_r[⌊n_r/2⌋] lie at least
 * Σ c_r·(⌊n_r/2⌋ + 1) > N/2, so neither is above V. Over every run, so for any counts.
 */
function windowOf(runs: readonly RunSample[], all: Float64Array): { low: number; high: number } {
  let u = Infinity;
  let v = -Infinity;
  for (const { sorted: s } of runs) {
    u = Math.min(u, s[(s.length - 1) >> 1]);
    v = Math.max(v, s[s.length >> 1]);
  }
  return { low: countBelow(all, u, true), high: countBelow(all, v) - 1 };
}

/** numpy's median of the runs taken counts[r] times each. */
export function pooledMedian(search: MedianSearch, counts: Uint32Array): number {
  const { runs, all, used, weight } = search;
  let n = 0;
  let m = 0;
  for (let r = 0; r < runs.length; r++) {
    if (counts[r] === 0) continue;
    n += counts[r] * runs[r].sorted.length;
    used[m] = r;
    weight[m++] = counts[r];
  }
  const virtual = (n - 1) / 2;
  const below = Math.floor(virtual);
  const first = orderStatistic(search, m, below, search.low, false);
  const a = all[first];
  if (virtual === below) return a;
  // The next order statistic is at or after the first, nearly always within a step or two.
  const b = all[orderStatistic(search, m, below + 1, first, true)];
  return b - (b - a) * 0.5;
}

/**
 * The j-th smallest (0-based) of the weighted union, as the index of the least value of `all`
 * with #(≤ it) > j, searched from `from` (known at or before it) to the window's end: bisection,
 * after a gallop from `from` when the answer is likely near it.
 */
function orderStatistic(search: MedianSearch, m: number, j: number, from: number, gallop: boolean): number {
  const end = search.high;
  let low = from;
  let high = gallop ? from : end;
  for (let step = 1; high < end && atMost(search, m, high) <= j; step *= 2) {
    low = high + 1;
    high = Math.min(end, high + step);
  }
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (atMost(search, m, middle) > j) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** How many drawn values are ≤ all[i]: from the rank table, or by searching each drawn run. */
function atMost(search: MedianSearch, m: number, i: number): number {
  const { ranks, used, weight } = search;
  let total = 0;
  if (ranks !== null) {
    const row = (i - search.low) * search.runs.length;
    for (let q = 0; q < m; q++) total += weight[q] * ranks[row + used[q]];
    return total;
  }
  const v = search.all[i];
  for (let q = 0; q < m; q++) total += weight[q] * countBelow(search.runs[used[q]].sorted, v);
  return total;
}

/** #(s ≤ v) in ascending s, or #(s < v) when `strictly`. */
function countBelow(s: Float64Array, v: number, strictly = false): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < v || (!strictly && s[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
