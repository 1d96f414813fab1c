// The inference at the unit (inference.ts) on a second core while this thread computes the
// groups' figures (issue 16): it reads the same columns and shares no state with them, and
// every stream it draws is seeded by its key (prng.ts), so which thread computes it never
// changes a byte. The worker reads the store's columns where they are (shared memory,
// src/table/shared.ts), and this thread writes none of them meanwhile; should the worker fail or
// never answer, this thread computes the inference itself, and so meets any error the worker met.
import { availableParallelism } from 'node:os';
import { ActivationStore, type StoreParts } from '../table/store.js';
import { startSyncWorker, type SyncWorker } from '../table/threads.js';
import type { UnitInference } from '../types.js';
import { configurationName } from './names.js';
import { inferAtUnit } from './inference.js';

/** Below this many rows the inference takes less than a worker takes to start. */
export const PARALLEL_MIN_ROWS = 200_000;

export interface InferenceTask {
  parts: StoreParts;
  baseline: string;
}

export type InferenceAnswer = { ok: true; inference: UnitInference | undefined } | { ok: false };

/**
 * Where a second core is free and the table large: the worker, started (as analyze starts: it
 * finds the runtimes it leaves out itself, severalOf); else null (compute here).
 */
export function startInference(store: ActivationStore, baseline: string, minRows = PARALLEL_MIN_ROWS): SyncWorker<InferenceAnswer> | null {
  if (store.length < minRows || !parallel()) return null;
  const task: InferenceTask = { parts: store.toParts(), baseline };
  try {
    return startSyncWorker<InferenceAnswer>(import.meta.url, 'inference-worker', { task });
  } catch {
    // No thread could be started (a process limit): this one computes it.
    return null;
  }
}

/** The worker's inference, or this thread's when there is no worker or its answer failed. */
export function inferenceOf(worker: SyncWorker<InferenceAnswer> | null, store: ActivationStore, baseline: string): UnitInference | undefined {
  const answer = worker?.take() ?? null;
  worker?.stop();
  return answer?.ok ? answer.inference : inferAtUnit(comparedRows(store, severalOf(store)), baseline);
}

/**
 * Runtimes with several configurations (function, memory), which nothing compares: the runtimes
 * analyze finds from its level groups (group-keys.ts, compositions in no group), in one pass over
 * the codes instead of a grouping. Two rows differ in configuration when their names do
 * (configurationName), which a difference of codes only makes likely: the names decide.
 */
export function severalOf(store: ActivationStore): Set<string> {
  const runtime = store.codes('runtime');
  const fn = store.labels.function.codes;
  const memory = store.columnOrNull('memory_mb');
  const composition = store.labels.composition.codes;
  const runtimes = store.labels.runtime.values.length;
  const firstRow = new Int32Array(runtimes).fill(-1);
  const found = new Uint8Array(runtimes);
  const several = new Set<string>();
  for (let i = 0; i < store.length; i++) {
    if (composition !== null && composition[i] !== -1) continue;
    const r = runtime[i];
    if (found[r] === 1) continue;
    const first = firstRow[r];
    if (first === -1) {
      firstRow[r] = i;
      continue;
    }
    const sameFunction = fn === null || fn[i] === fn[first];
    const a = memory === null ? NaN : memory[i];
    const b = memory === null ? NaN : memory[first];
    if (sameFunction && (a === b || (a !== a && b !== b))) continue;
    if (configurationName(store.rowAt(i)) === configurationName(store.rowAt(first))) continue;
    found[r] = 1;
    several.add(store.labels.runtime.values[r]);
  }
  return several;
}

/** The rows inference compares: no compositions, and no runtime with several configurations. */
export function comparedRows(store: ActivationStore, excludedRuntimes: ReadonlySet<string>): ActivationStore {
  const runtime = store.codes('runtime');
  const composition = store.labels.composition.codes;
  const excluded = store.labels.runtime.values.map((name) => excludedRuntimes.has(name));
  const kept = new Int32Array(store.length);
  let n = 0;
  for (let i = 0; i < store.length; i++) {
    if ((composition === null || composition[i] === -1) && !excluded[runtime[i]]) kept[n++] = i;
  }
  return n === store.length ? store : store.select(kept.subarray(0, n));
}

/** OWBENCH_ANALYZE_WORKERS=0 computes everything on this thread (benchmarks compare both). */
function parallel(): boolean {
  const override = process.env.OWBENCH_ANALYZE_WORKERS;
  if (override !== undefined && /^\d+$/.test(override)) return Number(override) > 0;
  return availableParallelism() >= 2;
}
