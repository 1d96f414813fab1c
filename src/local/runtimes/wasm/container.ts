// wasm:0.1: a WASI module per container, in its own worker thread. Creation = worker start (until
// it reports ready); /init = the module (code is base64 of the .wasm bytes, its memory maximum
// capped at the memory limit) compiled once per content with the optimizing tier (compile.ts) and
// posted to the worker; /run = a fresh instance started as a WASI command.
//
// The action contract (JSON in, JSON out, like PhilippGackstatter/wow's wasm:0.1):
//   in:  the params object as JSON on stdin; the __OW_* context (and init env) as environment
//        variables; argv[0] is the action name.
//   out: the result object as JSON on the last non-empty stdout line; every other stdout line and
//        all of stderr are the activation's logs.
// The answer is wrapped as wow's executor wrapped it: {result, status, status_code, success}, with
// status "application error" / success false when the result has an `error` key (so OpenWhisk
// records it as status "success", response.result.success false — the quirk of the real records).
// A trap (abort, unreachable, out-of-bounds) ends the instance: the call counts as a crash.
import { Worker } from 'node:worker_threads';
import type { Container, ContainerLimits, InitPayload, ProxyAnswer, RunContext } from '../../container.js';
import { deadlineTimer } from '../child-process.js';
import { formatLogs, type LogLine } from '../log-lines.js';
import { locateScript } from '../locate-script.js';
import { message } from '../messages.js';
import { failure } from '../process-call.js';
import { capMemoryMaximum, MemoryLimitError, PAGE_BYTES } from './memory-limit.js';
import { compiledModule, type WasmModule } from './compile.js';
import type { WorkerReply, WorkerRequest } from './worker.js';
import { wasmAnswer } from './answer.js';

const START_LIMIT_MS = 10_000;

export class WasmContainer implements Container {
  readonly kind = 'wasm:0.1';
  readonly memoryMb: number;
  private initEnv: Record<string, string> = {};
  private initialized = false;
  private dead: 'crashed' | 'destroyed' | undefined;
  private lastInstance = 0;
  private destroying: Promise<void> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly exited: Promise<{ error?: Error }>;

  private constructor(readonly id: string, limits: ContainerLimits, private readonly worker: Worker, private readonly envelope: boolean) {
    this.memoryMb = limits.memoryMb;
    let lastError: Error | undefined;
    worker.on('error', (error) => {
      lastError = error;
    });
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve({ error: lastError })));
  }

  /** The worker thread's id (warm runs share it). */
  get threadId(): number {
    return this.worker.threadId;
  }

  /** How many instances this container has started (one per run). */
  get instances(): number {
    return this.lastInstance;
  }

  static async start(id: string, limits: ContainerLimits, envelope: boolean): Promise<WasmContainer> {
    const script = await locateScript('wasm/worker');
    const worker = new Worker(script, {
      execArgv: [], // not the parent's flags: a loader such as tsx would slow every start
      stdout: true,
      stderr: true,
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    const container = new WasmContainer(id, limits, worker, envelope);
    const timer = deadlineTimer(START_LIMIT_MS);
    const ready = new Promise<'ready'>((resolve) => worker.once('message', () => resolve('ready')));
    const outcome = await Promise.race([ready, container.exited.then(() => 'exit' as const), timer.fired]);
    timer.cancel();
    if (outcome !== 'ready') {
      await container.destroy();
      throw new Error(`wasm container did not start (${outcome})`);
    }
    return container;
  }

  async init(payload: InitPayload, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.dead) return failure(502, message.destroyed(), [], { crashed: true });
    if (this.initialized) return failure(403, message.reinit(), [], {});
    if (payload.code === '') return failure(403, message.missingMain(), [], {});
    let bytes: Uint8Array;
    try {
      bytes = capMemoryMaximum(Buffer.from(payload.code, 'base64'), this.memoryMb * (1048576 / PAGE_BYTES));
    } catch (error) {
      if (error instanceof MemoryLimitError) return failure(502, message.initFailed(error.message), [], {});
      throw error;
    }
    const timer = deadlineTimer(timeoutMs);
    const compiled = await Promise.race([
      compiledModule(bytes).then((module): { module: WasmModule } | { error: string } => ({ module }), (error: unknown) => ({ error: String(error) })),
      timer.fired,
    ]);
    timer.cancel();
    if (compiled === 'timeout') return failure(502, message.timedOut(timeoutMs), [], { timedOut: true });
    if ('error' in compiled) return failure(502, message.initFailed(compiled.error), [], {});
    const reply = await this.call({ type: 'init', module: compiled.module, name: payload.name }, timeoutMs);
    if ('answer' in reply) return reply.answer;
    if (reply.type !== 'init') throw new Error(`wasm worker answered ${reply.type} to init`);
    this.initialized = true;
    this.initEnv = { ...payload.env };
    return { statusCode: 200, body: { OK: true }, logs: [], timedOut: false, crashed: false };
  }

  async run(params: Record<string, unknown>, context: RunContext, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.dead) return failure(502, message.exitedUnexpectedly(), [], { crashed: true });
    if (!this.initialized) return failure(403, message.notInitialized(), [], {});
    const env = {
      ...this.initEnv,
      __OW_NAMESPACE: context.namespace,
      __OW_ACTION_NAME: context.actionName,
      __OW_ACTIVATION_ID: context.activationId,
      __OW_DEADLINE: String(context.deadline),
      __OW_API_HOST: context.apiHost,
      ...(context.apiKey !== undefined ? { __OW_API_KEY: context.apiKey } : {}),
    };
    const reply = await this.call({ type: 'run', stdin: JSON.stringify(params), env }, timeoutMs);
    if ('answer' in reply) return reply.answer;
    if (reply.type !== 'run') throw new Error(`wasm worker answered ${reply.type} to run`);
    this.lastInstance = reply.instance;
    const lines: LogLine[] = reply.lines;
    return wasmAnswer(lines, reply.exitCode, reply.trap, this.envelope, formatLogs);
  }

  destroy(): Promise<void> {
    this.dead ??= 'destroyed';
    this.destroying ??= this.worker.terminate().then(() => undefined);
    return this.destroying;
  }

  /** One request at a time: the worker answers in order, and an activation owns the instance. */
  private call(request: WorkerRequest, timeoutMs: number): Promise<WorkerReply | { answer: ProxyAnswer }> {
    const turn = this.queue.then(() => this.callNow(request, timeoutMs));
    this.queue = turn.then(() => undefined, () => undefined);
    return turn;
  }

  /** One request to the worker, raced against its time limit and its death. */
  private async callNow(request: WorkerRequest, timeoutMs: number): Promise<WorkerReply | { answer: ProxyAnswer }> {
    if (this.dead) return { answer: failure(502, message.exitedUnexpectedly(), [], { crashed: true }) };
    const timer = deadlineTimer(timeoutMs);
    const reply = new Promise<WorkerReply>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage(request);
    const outcome = await Promise.race([reply, this.exited.then((e) => ({ exited: e })), timer.fired]);
    timer.cancel();
    if (outcome === 'timeout') {
      // a blocking WASI call (a sleep) delays termination until it returns: answer now, reap later
      this.dead = 'crashed';
      this.destroying ??= this.worker.terminate().then(() => undefined);
      return { answer: failure(502, message.timedOut(timeoutMs), [], { timedOut: true }) };
    }
    if ('exited' in outcome) {
      this.dead = 'crashed';
      const outOfMemory = (outcome.exited.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      return { answer: failure(502, outOfMemory ? message.outOfMemory() : message.exitedUnexpectedly(), [], { crashed: true }) };
    }
    return outcome;
  }
}
