// The plan: which trials run, grouped into batches (one runtime, one level: N invocations sent at
// once), in the order they run. Interleaved order shuffles the runtimes inside every (level,
// repetition) block with a recorded seed, so drift over the run hits every runtime alike.
import type { ExperimentSpec } from './experiment.js';

export interface PlannedTrial {
  /** `<runtime>/<concurrency>/<repetition>/<index>`, the key of the run log. */
  trial: string;
  runtime: string;
  concurrency: number;
  /** 1-based. */
  repetition: number;
  /** 1-based position inside its batch. */
  index: number;
}

export interface Batch {
  runtime: string;
  concurrency: number;
  repetition: number;
  trials: PlannedTrial[];
}

export function trialKey(runtime: string, concurrency: number, repetition: number, index: number): string {
  return `${runtime}/${concurrency}/${repetition}/${index}`;
}

/** Planned trials = runtimes × Σ levels × repetitions, in batches, in running order. */
export function planBatches(spec: Pick<ExperimentSpec, 'runtimes' | 'concurrency' | 'repetitions' | 'order' | 'seed'>): Batch[] {
  const names = spec.runtimes.map((runtime) => runtime.name);
  const batches: Batch[] = [];
  if (spec.order === 'sequential') {
    for (const runtime of names) {
      for (const level of spec.concurrency) {
        for (let repetition = 1; repetition <= spec.repetitions; repetition++) batches.push(batch(runtime, level, repetition));
      }
    }
    return batches;
  }
  const random = mulberry32(spec.seed ?? 0);
  for (const level of spec.concurrency) {
    for (let repetition = 1; repetition <= spec.repetitions; repetition++) {
      for (const runtime of shuffled(names, random)) batches.push(batch(runtime, level, repetition));
    }
  }
  return batches;
}

function batch(runtime: string, concurrency: number, repetition: number): Batch {
  const trials = Array.from({ length: concurrency }, (_, offset) => ({
    trial: trialKey(runtime, concurrency, repetition, offset + 1),
    runtime,
    concurrency,
    repetition,
    index: offset + 1,
  }));
  return { runtime, concurrency, repetition, trials };
}

/** A small, well-known seeded generator (uniform in [0, 1)); the same seed gives the same plan. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
