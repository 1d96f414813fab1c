// A container in Docker, as OpenWhisk's DockerContainer runs one: created with no network, the
// action's memory as its limit (no swap above it), a pids limit and the server's labels; its
// action proxy listens on a unix socket in a folder only the server may open, bind-mounted at /ow.
// /init and /run go to that socket; the output comes from the attach stream, cut per activation
// at the sentinels. Paused when idle, unpaused on a warm hit, removed (force) on destroy.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, ContainerLimits, InitPayload, Isolation, ProxyAnswer, RunContext } from '../../container.js';
import { deadlineTimer } from '../child-process.js';
import { parseAnswerBody } from '../http-call.js';
import { formatLogs } from '../log-lines.js';
import { message } from '../messages.js';
import { failure } from '../process-call.js';
import { runBody } from '../run-body.js';
import type { DockerBackend } from './backend.js';
import { createBody, type DockerSpec } from './create-body.js';
import { demultiplex, type ContainerOutput } from './logs.js';
import { postOverSocket, type SocketAnswer } from './socket-call.js';

/** A proxy that does not listen within this time is broken (it normally takes a few ms). */
const START_LIMIT_MS = 10_000;
/** The sentinels come on the attach stream, apart from the answer; they normally trail it by < 1 ms. */
const SENTINEL_GRACE_MS = 2_000;
const RECONNECT_MS = 10;

export class DockerContainer implements Container {
  readonly isolation: Isolation = 'docker';
  private destroying: Promise<void> | undefined;
  private state: Promise<void> = Promise.resolve();
  private paused = false;
  private exited = false;

  private constructor(
    readonly id: string,
    readonly kind: string,
    readonly memoryMb: number,
    /** The Engine API's id of the container. */
    readonly dockerId: string,
    private readonly backend: DockerBackend,
    private readonly folder: string,
    private readonly output: ContainerOutput,
  ) {
    void output.ended.then(() => (this.exited = true));
  }

  static async create(backend: DockerBackend, id: string, kind: string, limits: ContainerLimits, spec: DockerSpec): Promise<DockerContainer> {
    const { engine } = backend;
    const folder = mkdtempSync(join(backend.folder, 'c')); // mode 0700, the server's user
    const body = createBody(spec, limits.memoryMb, folder, backend.labels(kind, id));
    let dockerId: string | undefined;
    try {
      const created = (await engine.expect('POST', `/containers/create?name=owbench-${backend.instance}-${id}`, [201], body)) as { Id: string };
      dockerId = created.Id;
      const output = demultiplex(await engine.attach(dockerId));
      await engine.expect('POST', `/containers/${dockerId}/start`, [204, 304]);
      const container = new DockerContainer(id, kind, limits.memoryMb, dockerId, backend, folder, output);
      await container.untilListening();
      return container;
    } catch (error) {
      if (dockerId) await engine.call('DELETE', `/containers/${dockerId}?force=1&v=1`).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  private get socketPath(): string {
    return join(this.folder, 'proxy.sock');
  }

  private async untilListening(): Promise<void> {
    const deadline = Date.now() + START_LIMIT_MS;
    let exited = false;
    void this.output.ended.then(() => (exited = true));
    while (!existsSync(this.socketPath)) {
      if (exited) throw new Error(`the container of ${this.kind} exited before its proxy listened`);
      if (Date.now() > deadline) throw new Error(`the proxy of ${this.kind} did not listen within ${START_LIMIT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  init(payload: InitPayload, timeoutMs: number): Promise<ProxyAnswer> {
    const value = { name: payload.name, main: payload.main, code: payload.code, binary: payload.binary, env: payload.env };
    return this.call('/init', { value }, timeoutMs);
  }

  run(params: Record<string, unknown>, context: RunContext, timeoutMs: number): Promise<ProxyAnswer> {
    return this.call('/run', runBody(params, context), timeoutMs);
  }

  /** docker pause (the freezer): after the pause grace. */
  pause(): Promise<void> {
    return this.transition(true);
  }

  /** docker unpause: a warm hit on a paused container waits for it (in waitTime, as in OpenWhisk). */
  resume(): Promise<void> {
    return this.transition(false);
  }

  destroy(): Promise<void> {
    this.destroying ??= (async () => {
      await this.state;
      await this.backend.engine.call('DELETE', `/containers/${this.dockerId}?force=1&v=1`).catch(() => undefined);
      rmSync(this.folder, { recursive: true, force: true });
    })();
    return this.destroying;
  }

  private transition(pause: boolean): Promise<void> {
    this.state = this.state.then(async () => {
      if (this.destroying || this.paused === pause) return;
      await this.backend.engine.expect('POST', `/containers/${this.dockerId}/${pause ? 'pause' : 'unpause'}`, [204]);
      this.paused = pause;
    }).catch(() => undefined); // a container that cannot be frozen or thawed fails its next call instead
    return this.state;
  }

  private async call(path: string, body: unknown, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.destroying) return failure(502, message.destroyed(), [], { crashed: true });
    const timer = deadlineTimer(timeoutMs);
    const call = this.post(path, body, Date.now() + timeoutMs).then(
      (answer) => ({ kind: 'answer' as const, answer }),
      () => ({ kind: 'broken' as const }),
    );
    const outcome = await Promise.race([call, timer.fired]);
    timer.cancel();
    if (outcome === 'timeout') {
      await this.destroy();
      return failure(502, message.timedOut(timeoutMs), this.drain(), { timedOut: true });
    }
    if (outcome.kind === 'broken') return this.died();
    const { answer } = outcome;
    const logs = await this.takeLogs();
    if (answer.tooLong !== undefined) {
      return { statusCode: 200, body: {}, logs, timedOut: false, crashed: false, truncated: { length: answer.tooLong, text: answer.text } };
    }
    const parsed = parseAnswerBody(answer.text, message.invalidJson).body;
    const exited = answer.statusCode === 502 && (parsed.error === message.exitedUnexpectedly() || parsed.error === message.outOfMemory());
    return { statusCode: answer.statusCode, body: parsed, logs, timedOut: false, crashed: exited };
  }

  /**
   * POSTs to the proxy, connecting again while it refuses (it may have bound its socket and not yet
   * listen()ed), as OpenWhisk retries /init on a refused connection; nothing was sent then.
   */
  private async post(path: string, body: unknown, deadline: number): Promise<SocketAnswer> {
    for (;;) {
      try {
        return await postOverSocket(this.socketPath, path, body);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== 'ECONNREFUSED' && code !== 'ENOENT') || this.exited || Date.now() + RECONNECT_MS > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }

  /** The proxy's connection broke: the container is dying. Why, OpenWhisk asks docker inspect. */
  private async died(): Promise<ProxyAnswer> {
    await Promise.race([this.output.ended, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    const inspected = await this.backend.engine.call('GET', `/containers/${this.dockerId}/json`).catch(() => undefined);
    const state = (inspected?.body as { State?: { OOMKilled?: boolean } } | undefined)?.State;
    const heap = /heap out of memory|Reached heap limit/i.test(this.output.stderr.peekText());
    await this.destroy();
    const error = state?.OOMKilled || heap ? message.outOfMemory() : message.exitedUnexpectedly();
    return failure(502, error, this.drain(), { crashed: true });
  }

  private async takeLogs(): Promise<string[]> {
    const [out, err] = await Promise.all([
      this.output.stdout.takeActivation(SENTINEL_GRACE_MS),
      this.output.stderr.takeActivation(SENTINEL_GRACE_MS),
    ]);
    return formatLogs([...out, ...err]);
  }

  private drain(): string[] {
    return formatLogs([...this.output.stdout.takeUpToSentinel(), ...this.output.stderr.takeUpToSentinel()]);
  }
}
