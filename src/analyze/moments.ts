// Means and maxima over typed columns: the numeric kernels behind every group figure.

/**
 * Arithmetic mean; NaN when empty. Kahan-compensated in row order, the same operations as
 * pandas' groupby mean, so fractional data agrees with pandas to the last bit too.
 */
export function mean(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const y = values[i] - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  return sum / n;
}

/** Largest value; NaN when empty. */
export function max(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  let best = values[0];
  for (let i = 1; i < n; i++) if (values[i] > best) best = values[i];
  return best;
}

/** Mean weighted by counts (pooling group means into the mean of the pooled rows); NaN when no weight. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) continue;
    sum += values[i] * weights[i];
    weight += weights[i];
  }
  return weight === 0 ? NaN : sum / weight;
}

/** NaN (an empty column) becomes null, the contract's "not computable". */
export function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
