// Seeded randomness for the bootstrap: the same data always draws the same resamples, so
// `owbench analyze --json` gives the same bytes on every run and machine.

/** The fixed seed every stream starts from ("owbe" in ASCII); mixed with each stream's key. */
export const BASE_SEED = 0x6f776265;

/** A uniform generator in [0, 1) with 32 bits of resolution; `spare` holds normal()'s second variate. */
export interface Uniform {
  (): number;
  spare: number;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, passes gjrand's and
 * PractRand's basic batteries; a stream here uses a few million draws at most.
 */
export function mulberry32(seed: number): Uniform {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(next, { spare: Number.NaN });
}

/**
 * A stream per key (e.g. "wasm:0.1/4/total mean"): FNV-1a of the key mixed into BASE_SEED, so a
 * group's interval never depends on which other groups the input holds.
 */
export function streamFor(key: string): Uniform {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32((hash ^ BASE_SEED) >>> 0);
}

/** A standard normal variate (Box–Muller: each pair of uniforms gives two, the second kept for the next call). */
export function normal(uniform: Uniform): number {
  const spare = uniform.spare;
  if (spare === spare) { // not NaN
    uniform.spare = Number.NaN;
    return spare;
  }
  const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u in (0, 1]: log(0) never happens
  const angle = 2 * Math.PI * uniform();
  uniform.spare = radius * Math.sin(angle);
  return radius * Math.cos(angle);
}

/** A Gamma(shape, 1) variate, shape ≥ 1 (Marsaglia & Tsang 2000, "A simple method…"). */
export function gamma(uniform: Uniform, shape: number): number {
  if (!(shape >= 1)) throw new RangeError(`gamma: shape must be ≥ 1, got ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) variate, a, b ≥ 1, as G_a / (G_a + G_b). */
export function beta(uniform: Uniform, a: number, b: number): number {
  const x = gamma(uniform, a);
  return x / (x + gamma(uniform, b));
}
