// The experiment file (DESIGN.md §2.5): its schema, and loading it with one clear error per bad
// field (file and field path), before anything is deployed or written.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CliError, InputError, unreadable } from '../errors.js';

/** Calls sent at once (closed loop); calls of one open-loop batch, which go out over time. */
const [MAX_BURST, MAX_OPEN_LOOP_BATCH] = [200, 10000];

const OW_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.:@-]*$/;

const runtimeSchema = z
  .strictObject({
    name: z.string().regex(OW_NAME, 'expected letters, digits, _ . : @ - (no "/"), not starting with a symbol').max(64),
    kind: z.string().min(1),
    memory: z.number().int().min(128).max(512),
    /** A JavaScript file (nodejs kinds). */
    code: z.string().min(1).optional(),
    /** A native executable (blackbox). */
    executable: z.string().min(1).optional(),
    /** A WebAssembly module (wasm:0.1). */
    wasm: z.string().min(1).optional(),
    /** An action that already exists on a real deployment. */
    action: z.string().min(1).optional(),
    /** executable: the image it runs on (default openwhisk/dockerskeleton, as `wsk action create --native`). */
    image: z.string().min(1).optional(),
    main: z.string().min(1).optional(),
    /** The action's own time limit (OpenWhisk limits.timeout). */
    timeout: z.number().int().min(100).max(300000).optional(),
  })
  .superRefine((runtime, context) => {
    const given = (['code', 'executable', 'wasm', 'action'] as const).filter((key) => runtime[key] !== undefined);
    if (given.length !== 1) {
      context.addIssue({
        code: 'custom',
        path: [],
        message: `expected exactly one of code, executable, wasm, action; found ${given.length ? given.join(', ') : 'none'}`,
      });
    }
    if (runtime.executable !== undefined && runtime.kind !== 'blackbox') {
      context.addIssue({ code: 'custom', path: ['kind'], message: `an executable runs as kind "blackbox", not "${runtime.kind}"` });
    }
    if (runtime.image !== undefined && runtime.executable === undefined) {
      context.addIssue({ code: 'custom', path: ['image'], message: 'an image applies to an executable (blackbox) runtime only' });
    }
    if (runtime.wasm !== undefined && !runtime.kind.startsWith('wasm:')) {
      context.addIssue({ code: 'custom', path: ['kind'], message: `a .wasm module runs as a wasm kind (wasm:0.1), not "${runtime.kind}"` });
    }
    if (runtime.code !== undefined && (runtime.kind === 'blackbox' || runtime.kind.startsWith('wasm:'))) {
      context.addIssue({ code: 'custom', path: ['kind'], message: `a code file needs a managed kind such as nodejs:20, not "${runtime.kind}"` });
    }
  });

const retrySchema = z.strictObject({
  /** Retries of a throttled (429) invoke before the trial is recorded as throttled. */
  maxRetries: z.number().int().min(0).max(100).default(8),
  baseMs: z.number().int().min(1).default(250),
  capMs: z.number().int().min(1).default(15000),
  /** Total backoff a single trial may spend waiting. */
  budgetMs: z.number().int().min(0).default(120000),
});

export const experimentSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'expected letters, digits, _ . - (it names files)').max(80),
    description: z.string().optional(),
    runtimes: z.array(runtimeSchema).min(1),
    /** Invocations sent at once; with arrivalRate, the calls of one open-loop batch (up to 10000). */
    concurrency: z.array(z.number().int().min(1).max(MAX_OPEN_LOOP_BATCH)).min(1),
    repetitions: z.number().int().min(1).max(100000),
    params: z.record(z.string(), z.unknown()).optional(),
    paramsFile: z.string().min(1).optional(),
    cold: z.enum(['fresh-action', 'update', 'wait', 'none']),
    /** cold "wait": how long to stay idle before each batch (OpenWhisk: pause grace + idle ≈ 610 s). */
    coldWaitMs: z.number().int().min(0).default(610000),
    /** cold "none": warm-up invocations per container before each measured batch. */
    warmup: z.number().int().min(1).max(100).default(1),
    order: z.enum(['interleaved', 'sequential']).default('interleaved'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
    /** Open loop: invocations per second; latency counts from each call's scheduled send time. */
    arrivalRate: z.number().positive().max(10000).optional(),
    /** Open loop: evenly spaced calls ("fixed", the default) or a Poisson process drawn from `seed`. */
    arrivals: z.enum(['fixed', 'poisson']).optional(),
    /** Per-call client timeout (a blocking invoke waits at most 60 s server-side, then 202). */
    timeoutMs: z.number().int().min(100).max(600000).default(70000),
    retry: retrySchema.default({ maxRetries: 8, baseMs: 250, capMs: 15000, budgetMs: 120000 }),
  })
  .superRefine((spec, context) => {
    if (spec.params !== undefined && spec.paramsFile !== undefined) {
      context.addIssue({ code: 'custom', path: ['paramsFile'], message: 'give params or paramsFile, not both' });
    }
    if (spec.arrivals !== undefined && spec.arrivalRate === undefined) {
      context.addIssue({ code: 'custom', path: ['arrivals'], message: 'arrivals applies to an open loop: give arrivalRate too' });
    }
    const seenLevels = new Set<number>();
    spec.concurrency.forEach((level, index) => {
      const message = `at most ${MAX_BURST} invocations at once (with arrivalRate, up to ${MAX_OPEN_LOOP_BATCH} per batch)`;
      if (spec.arrivalRate === undefined && level > MAX_BURST) context.addIssue({ code: 'custom', path: ['concurrency', index], message });
      if (seenLevels.has(level)) context.addIssue({ code: 'custom', path: ['concurrency', index], message: `level ${level} is listed twice` });
      seenLevels.add(level);
    });
    const seenNames = new Set<string>();
    spec.runtimes.forEach((runtime, index) => {
      if (seenNames.has(runtime.name)) context.addIssue({ code: 'custom', path: ['runtimes', index, 'name'], message: `runtime name "${runtime.name}" is used twice` });
      seenNames.add(runtime.name);
    });
  });

export type ExperimentSpec = z.infer<typeof experimentSchema>;
export type RuntimeSpec = ExperimentSpec['runtimes'][number];
export type RetryPolicy = ExperimentSpec['retry'];

/** A validated experiment plus what it refers to on disk, resolved. */
export interface Experiment {
  /** The spec as validated, with defaults filled in and the seed chosen: what the run log records. */
  spec: ExperimentSpec;
  /** The experiment file as the user named it (relative paths in the spec are relative to its folder). */
  file: string;
  params: Record<string, unknown>;
}

/** Field path in the form the errors use: runtimes[1].memory */
export function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index ? '.' : ''}${String(segment)}`))
    .join('') || '(top level)';
}

/** Reads and validates an experiment file; every problem names the file and the field. */
export function loadExperiment(file: string, seedIfMissing: () => number = randomSeed): Experiment {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(file, null, unreadable(error, 'the experiment file'));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, null, `not valid JSON (${(error as Error).message})`);
  }
  return experimentFromSpec(raw, file, seedIfMissing);
}

/** Validates a spec (from a file or a run log header) and checks the files it names. */
export function experimentFromSpec(raw: unknown, file: string, seedIfMissing: () => number = randomSeed): Experiment {
  const parsed = experimentSchema.safeParse(raw);
  if (!parsed.success) {
    throw problems(file, parsed.error.issues.map((issue) => [fieldPath(issue.path), issue.message]));
  }
  const spec = parsed.data;
  // The seed is recorded whenever something is drawn from it: the shuffle, or Poisson arrivals.
  if ((spec.order === 'interleaved' || spec.arrivals === 'poisson') && spec.seed === undefined) spec.seed = seedIfMissing();
  const found: [string, string][] = [];
  spec.runtimes.forEach((runtime, index) => {
    for (const key of ['code', 'executable', 'wasm'] as const) {
      const named = runtime[key];
      if (named !== undefined && !isFile(resolveBeside(file, named))) {
        found.push([fieldPath(['runtimes', index, key]), `no such file: ${named} (paths are relative to the experiment file)`]);
      }
    }
  });
  let params: Record<string, unknown> = spec.params ?? {};
  if (spec.paramsFile !== undefined) {
    params = readParamsFile(file, spec.paramsFile, found);
  }
  if (found.length) throw problems(file, found);
  return { spec, file, params };
}

/** A path from the spec, resolved against the experiment file's folder. */
export function resolveBeside(experimentFile: string, named: string): string {
  return path.resolve(path.dirname(experimentFile), named);
}

function readParamsFile(file: string, named: string, found: [string, string][]): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(resolveBeside(file, named), 'utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    found.push(['paramsFile', `${named} must hold a JSON object of parameters`]);
  } catch (error) {
    found.push(['paramsFile', `cannot read ${named} as JSON (${(error as Error).message})`]);
  }
  return {};
}

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function problems(file: string, list: [string, string][]): CliError {
  if (list.length === 1) return new InputError(file, list[0]![0], list[0]![1]);
  return new CliError(list.map(([place, problem]) => `${file}: ${place}: ${problem}`), 2);
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
