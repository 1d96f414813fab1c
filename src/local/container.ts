// The seam between the invoker (pool, scheduling, records) and the runtimes (processes, wasm
// instances). A Container is one OpenWhisk container: created cold, initialized once with the
// action's code (/init), then run many times (/run), one activation at a time by default.

/** What /init receives: OpenWhisk's `{value: {name, main, code, binary, env}}` payload. */
export interface InitPayload {
  name: string;
  main: string;
  /** Source text, or base64 of the bytes when `binary` is true (a .wasm module, a zip). */
  code: string;
  binary: boolean;
  /** blackbox: the executable to start (a registered name or a path under the configured folder). */
  image?: string;
  env: Record<string, string>;
}

/** The `__OW_*` values OpenWhisk passes with each /run. */
export interface RunContext {
  namespace: string;
  actionName: string;
  activationId: string;
  /** Epoch ms at which the activation times out. */
  deadline: number;
  apiHost: string;
  /** Only for an action annotated provide-api-key true: sent as the run body's api_key. */
  apiKey?: string;
}

/** A proxy's answer to /init or /run, as the action proxy would return it over HTTP. */
export interface ProxyAnswer {
  /** The proxy's HTTP status: 200 on success; 4xx/5xx when init/run failed. */
  statusCode: number;
  /** The JSON the proxy returned (the action's result on /run, `{error}` on failure). */
  body: Record<string, unknown>;
  /** Log lines the action wrote during this call, already formatted as OpenWhisk stores them. */
  logs: string[];
  /** The call exceeded its time limit; the container must be destroyed. */
  timedOut: boolean;
  /** The process or instance died during the call; the container must be destroyed. */
  crashed: boolean;
  /** The answer exceeded OpenWhisk's 1 MB result limit and was not read whole: its length and first megabyte. */
  truncated?: { length: number; text: string };
}

/** What keeps an action apart from the server: a Docker container, a process group, a worker thread. */
export type Isolation = 'docker' | 'process' | 'thread';

export interface Container {
  readonly id: string;
  readonly kind: string;
  readonly memoryMb: number;
  /** Reported in every activation's annotations (`isolation`). */
  readonly isolation?: Isolation;
  init(payload: InitPayload, timeoutMs: number): Promise<ProxyAnswer>;
  run(params: Record<string, unknown>, context: RunContext, timeoutMs: number): Promise<ProxyAnswer>;
  /** Kill the process or terminate the instance; resolves when it is gone. Idempotent. */
  destroy(): Promise<void>;
  /** docker pause after the pause grace (containers that cannot be frozen have none). */
  pause?(): Promise<void>;
  /** docker unpause before a warm hit's /run; a no-op when not paused. */
  resume?(): Promise<void>;
}

export interface ContainerLimits {
  memoryMb: number;
  timeoutMs: number;
}

/** What a container is created from, beyond its kind: a blackbox action's image. */
export interface ContainerSpec {
  image?: string;
  /** The action carries its executable as binary code (a native zip or an ELF). */
  binary?: boolean;
}

/**
 * Creates a container of `kind` (the docker run / worker start: counted in waitTime, not initTime).
 * Rejects with a plain Error when the kind is unknown, the image is missing (for blackbox, the
 * local inspect standing in for OpenWhisk's pull) or the container cannot start.
 */
export type ContainerFactory = (kind: string, limits: ContainerLimits, spec?: ContainerSpec) => Promise<Container>;
