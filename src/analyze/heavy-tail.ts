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

export interface HeavyTail {
  runtime: string;
  /** How many of the slowest activations carry the mean, and their times (ms, slowest first). */
  few: number;
  slowest_ms: number[];
  activations: number;
  mean_ms: number;
  mean_without_ms: number;
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
