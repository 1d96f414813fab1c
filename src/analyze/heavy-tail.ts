// The heavy-tail rule (issue 11), in one place: a mean is "carried by a few activations" when
// leaving out the slowest HEAVY_TAIL.share of them (at least one) lowers it by HEAVY_TAIL.lift or
// more. Claims about such a cell come from its median, and the document says which and how much.

export const HEAVY_TAIL = {
  /** The "few": this share of a cell's activations, at least one. */
  share: 0.01,
  /** Mean with them ÷ mean without them at or above this: the mean is theirs. */
  lift: 1.25,
  /** Fewer activations than this: no rule (one value is a fifth of five). */
  minCount: 10,
} as const;

import type { UnitComparison } from '../types.js';
import { RowCursor, type RowView } from '../table/cursor.js';
import type { ActivationStore } from '../table/store.js';

export interface HeavyTail {
  runtime: string;
  /** How many of the slowest activations carry the mean, and their times (ms, slowest first). */
  few: number;
  slowest_ms: number[];
  activations: number;
  mean_ms: number;
  mean_without_ms: number;
  activation_ids?: Array<string | null>;
}

/** `sorted` ascending (every value of the cell); null when the rule does not fire. */
export function heavyTailOf(runtime: string, sorted: Float64Array): HeavyTail | null {
  const n = sorted.length;
  if (n < HEAVY_TAIL.minCount) return null;
  const few = Math.max(1, Math.ceil(n * HEAVY_TAIL.share));
  let sum = 0;
  let top = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    if (i >= n - few) top += sorted[i];
  }
  const mean = sum / n;
  const without = (sum - top) / (n - few);
  if (!(without > 0) || mean / without < HEAVY_TAIL.lift) return null;
  const slowest: number[] = [];
  for (let i = n - 1; i >= n - few && slowest.length < 5; i--) slowest.push(sorted[i]);
  return { runtime, few, slowest_ms: slowest, activations: n, mean_ms: mean, mean_without_ms: without };
}

const VALUE_OF: Record<UnitComparison['metric'], (row: RowView) => number | null> = {
  init_ms: (row) => (row.cold ? row.init_ms : null),
  exec_ms: (row) => row.exec_ms,
  total_ms: (row) => row.total_ms,
};

/**
 * Names the activations behind each heavy tail's slowest_ms (the warning says which), in one pass
 * over the compared rows, and marks each comparison's claims as read from the median where a side
 * has a heavy tail. `rows`: the successful activations inference compared.
 */
export function nameHeavyTails(comparisons: ReadonlyArray<Omit<UnitComparison, 'concurrency'> & { concurrency: number | null }>, store: ActivationStore): void {
  const wanted = new Map<string, Array<{ metric: UnitComparison['metric']; tail: HeavyTail; found: Array<[number, string | null]> }>>();
  for (const c of comparisons) {
    c.claims_from = c.heavy_tails.length > 0 ? 'median' : 'mean';
    for (const tail of c.heavy_tails) {
      const key = `${tail.runtime}\u0000${c.concurrency}\u0000${c.part}`;
      const list = wanted.get(key) ?? [];
      list.push({ metric: c.metric, tail, found: [] });
      wanted.set(key, list);
    }
  }
  if (wanted.size === 0) return;
  const row = new RowCursor(store);
  for (let i = 0; i < store.length; i++) {
    row.at(i);
    if (row.status !== 'success' || row.composition != null) continue;
    const list = wanted.get(`${row.runtime}\u0000${row.concurrency}\u0000${row.cold ? 'cold' : 'warm'}`);
    if (!list) continue;
    for (const w of list) {
      const value = VALUE_OF[w.metric](row);
      if (value !== null && value >= w.tail.slowest_ms[w.tail.slowest_ms.length - 1]) w.found.push([value, row.activation_id]);
    }
  }
  for (const list of wanted.values()) {
    for (const w of list) w.tail.activation_ids = w.found.sort((a, b) => b[0] - a[0]).slice(0, w.tail.slowest_ms.length).map(([, id]) => id);
  }
}
