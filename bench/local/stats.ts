// Summaries of timing samples (ms): median and 90th percentile (numpy's linear method).
export interface Summary {
  n: number;
  median: number;
  p90: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    const pos = (sorted.length - 1) * q;
    const low = Math.floor(pos);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low]! + (sorted[high]! - sorted[low]!) * (pos - low);
  };
  return { n: sorted.length, median: at(0.5), p90: at(0.9), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Elapsed ms of an async step. */
export async function timed<T>(step: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await step();
  return [performance.now() - t0, value];
}
