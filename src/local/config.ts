// The embedded server's configuration: one zod schema, OpenWhisk's defaults, and the file loader
// whose errors name the file and the field (the CLI turns them into exit 2).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError, unreadable } from '../errors.js';

/** Picks invocations by their 1-based index: every Nth, and/or an explicit list. */
const selector = z
  .object({
    every: z.number().int().positive().optional(),
    at: z.array(z.number().int().positive()).optional(),
  })
  .strict();

const faultsSchema = z
  .object({
    /** Delay before an invoke reaches the controller (the client sees it; waitTime does not). */
    latency: selector.extend({ ms: z.number().int().nonnegative() }).strict().optional(),
    /** Invokes answered 429 with OpenWhisk's throttling body, before any activation exists. */
    throttle: selector.optional(),
    /** Invokes answered 5xx with an `{error, code}` body, before any activation exists. */
    serverError: selector.extend({ status: z.number().int().min(500).max(599).default(503) }).strict().optional(),
    /** Invokes whose connection is destroyed without an answer: `before` the activation is
     * created (nothing recorded) or `after` it was accepted (the record appears as usual). */
    dropConnection: selector.extend({ when: z.enum(['before', 'after']).default('before') }).strict().optional(),
    /** A finished record stays invisible to GET/list for this long (OpenWhisk's store lag). */
    storeLagMs: z.number().int().nonnegative().optional(),
    /** Container inits (1-based count of /init calls) that crash: developer error, container gone. */
    crashOnInit: selector.optional(),
  })
  .strict();

/** One runtimes-manifest `stemCells` entry: `count` containers of `kind` at `memory` MB, created but not initialized. */
const stemCellSchema = z
  .object({
    /** Blackbox images are never prewarmed in OpenWhisk (each is its own image), so only these kinds. */
    kind: z.enum(['nodejs:20', 'wasm:0.1']),
    count: z.number().int().min(0).max(16),
    /** MB; a cold start takes a stem cell only when its action's memory limit is exactly this. */
    memory: z.number().int().min(128).max(512),
  })
  .strict();

/**
 * The default prewarm manifest. nodejs:20 as OpenWhisk's ansible/files/runtimes.json (initialCount 2,
 * 256 MB). wasm:0.1 too: wow's executor is one long-running process in which a "container" is only
 * a map entry (no process or thread start), while ours is a worker thread; a prewarmed worker keeps
 * that start out of waitTime, as it is out of the real runtime's.
 */
export const defaultStemCells = [
  { kind: 'nodejs:20', count: 2, memory: 256 },
  { kind: 'wasm:0.1', count: 2, memory: 256 },
] as const;

/** How long a client may take to send a request (issue 15: slow clients are timed out). */
const httpSchema = z
  .object({
    /** node:http headersTimeout: the request line and headers must arrive within this. */
    headersTimeoutMs: z.number().int().positive().default(20_000),
    /** node:http requestTimeout: the whole request, body included (not the answer, which may wait 60 s). */
    requestTimeoutMs: z.number().int().positive().default(120_000),
    /** A body must be read within this from the request's arrival, else 408 and the connection closed. */
    bodyTimeoutMs: z.number().int().positive().default(60_000),
    /** node:http connectionsCheckingInterval: how often the two node:http timeouts are checked. */
    checkIntervalMs: z.number().int().positive().default(1_000),
  })
  .strict()
  .refine((h) => h.headersTimeoutMs <= h.requestTimeoutMs, { message: 'must not exceed requestTimeoutMs', path: ['headersTimeoutMs'] });

/** The activation store: append-only segment files under a data folder (issue 15 item 6). */
const storeSchema = z
  .object({
    /** The data folder; default a fresh folder under the OS temp dir, removed when the server stops. */
    dir: z.string().min(1).optional(),
    /** A segment is closed and a new one started once it holds this many bytes. */
    segmentBytes: z.number().int().min(4096).default(4 * 1024 * 1024),
    /** The size bound: the oldest segments are dropped (with their records) while the total exceeds it. */
    maxBytes: z.number().int().min(8192).default(64 * 1024 * 1024),
    /** `rotate`: fsync a segment when it is closed; `always`: fsync every record before answering. */
    fsync: z.enum(['rotate', 'always']).default('rotate'),
  })
  .strict()
  .refine((s) => s.segmentBytes * 2 <= s.maxBytes, { message: 'must be at least twice segmentBytes', path: ['maxBytes'] });

export const localWhiskConfigSchema = z
  .object({
    /** container-pool.user-memory (OpenWhisk: 1024 MB). */
    userMemoryMb: z.number().int().min(128).default(1024),
    /** pause-grace: an idle warm container is paused after this (OpenWhisk: 10 s). */
    pauseGraceMs: z.number().int().nonnegative().default(10_000),
    /** idle-container: a paused container is removed after this (OpenWhisk: 10 min). */
    idleTimeoutMs: z.number().int().positive().default(600_000),
    /** max-wait-for-blocking-activation (OpenWhisk: 60 s); then a blocking invoke gets 202. */
    blockingWaitMs: z.number().int().positive().max(300_000).default(60_000),
    throttle: z
      .object({
        invocationsPerMinute: z.number().int().positive().optional(),
        concurrentInvocations: z.number().int().positive().optional(),
      })
      .strict()
      .default({}),
    blackbox: z
      .object({
        /** Image name → executable path, for blackbox actions whose `image` is a registered name. */
        images: z.record(z.string(), z.string()).default({}),
        /** A folder whose executables may be named by a relative `image`. */
        folder: z.string().optional(),
      })
      .strict()
      .default({ images: {} }),
    wasm: z
      .object({
        /** Wrap wasm:0.1 results as wow's executor did, `{result, status, status_code, success}`. */
        envelope: z.boolean().default(true),
      })
      .strict()
      .default({ envelope: true }),
    /**
     * How actions are isolated: `auto` runs nodejs and blackbox in Docker containers when an engine
     * answers and the images are built, else as processes; `docker` refuses to start without it.
     */
    isolation: z.enum(['auto', 'docker', 'process']).default('auto'),
    /** The Docker Engine API's unix socket. */
    dockerSocket: z.string().default('/var/run/docker.sock'),
    /** Prewarmed containers (OpenWhisk's runtimes manifest `stemCells`); `[]` turns prewarming off. */
    stemCells: z.array(stemCellSchema).default(() => defaultStemCells.map((cell) => ({ ...cell }))),
    faults: faultsSchema.default({}),
    http: httpSchema.default(() => httpSchema.parse({})),
    store: storeSchema.default(() => storeSchema.parse({})),
  })
  .strict();

export type LocalWhiskConfig = z.input<typeof localWhiskConfigSchema>;
export type ResolvedConfig = z.output<typeof localWhiskConfigSchema>;
export type FaultConfig = ResolvedConfig['faults'];
export type FaultSelector = z.output<typeof selector>;
export type StemCellConfig = z.output<typeof stemCellSchema>;
export type HttpConfig = z.output<typeof httpSchema>;
export type StoreConfig = z.output<typeof storeSchema>;

/** Validates a config given in code; a mistake is a bug in the caller, so it throws with the path. */
export function resolveConfig(config: unknown = {}, source = 'config'): ResolvedConfig {
  const parsed = localWhiskConfigSchema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InputError(source, fieldPath(issue.path), issue.message);
}

/** Reads and validates a JSON config file (`owbench serve --config FILE`). */
export async function loadConfigFile(file: string): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(file, null, unreadable(error, 'the config file'));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(file, null, `not valid JSON: ${(error as Error).message}`);
  }
  return resolveConfig(json, file);
}

function fieldPath(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}
