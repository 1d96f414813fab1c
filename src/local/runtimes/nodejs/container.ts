// nodejs:20 / nodejs:default: a child Node process per container running our action proxy, on a
// unix socket in a folder of its own (mode 0700): only the server can call it. Creation
// (OpenWhisk's container start) lasts from spawn until the proxy listens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Container, ContainerLimits, Isolation, InitPayload, ProxyAnswer, RunContext } from '../../container.js';
import { ChildHandle, containerEnv, deadlineTimer } from '../child-process.js';
import { StreamLines } from '../log-lines.js';
import { locateScript, runtimesFolder } from '../locate-script.js';
import { callProcess, failure } from '../process-call.js';
import { parseAnswerBody } from '../http-call.js';
import { postOverSocket } from '../docker/socket-call.js';
import { message } from '../messages.js';
import { runBody } from '../run-body.js';

/** A proxy that does not listen within this time is broken (it normally takes ~40 ms). */
const START_LIMIT_MS = 10_000;

export class NodeContainer implements Container {
  readonly isolation: Isolation = 'process';
  readonly memoryMb: number;
  private readonly stdout: StreamLines;
  private readonly stderr: StreamLines;
  private destroying: Promise<void> | undefined;

  private constructor(
    readonly id: string,
    readonly kind: string,
    limits: ContainerLimits,
    private readonly child: ChildHandle,
    private readonly folder: string,
  ) {
    this.memoryMb = limits.memoryMb;
    this.stdout = new StreamLines('stdout', child.child.stdout as Readable);
    this.stderr = new StreamLines('stderr', child.child.stderr as Readable);
  }

  /** The process id of the container (tests check reuse and cleanup with it). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(id: string, kind: string, limits: ContainerLimits, instance?: string, parent = tmpdir()): Promise<NodeContainer> {
    const proxy = await locateScript('nodejs/proxy');
    // The zip loader is a separate script the proxy imports only for zipped actions.
    const args = [`--max-old-space-size=${limits.memoryMb}`, proxy, runtimesFolder, await locateScript('nodejs/zip-action')];
    const folder = mkdtempSync(join(parent, 'owbench-node-')); // mode 0700
    const env = containerEnv({ OW_PROXY_SOCKET: join(folder, 'proxy.sock'), OW_PROXY_PARENT: 'fd3' }, instance);
    const child = ChildHandle.spawn(process.execPath, args, env, ['pipe', 'pipe', 'pipe', 'pipe']);
    const container = new NodeContainer(id, kind, limits, child, folder);
    try {
      await untilListening(child);
    } catch (error) {
      await container.destroy();
      throw error;
    }
    return container;
  }

  init(payload: InitPayload, timeoutMs: number): Promise<ProxyAnswer> {
    const value = { name: payload.name, main: payload.main, code: payload.code, binary: payload.binary, env: payload.env };
    return this.call('/init', { value }, timeoutMs);
  }

  run(params: Record<string, unknown>, context: RunContext, timeoutMs: number): Promise<ProxyAnswer> {
    return this.call('/run', runBody(params, context), timeoutMs);
  }

  destroy(): Promise<void> {
    this.destroying ??= this.child.kill().then(() => {
      rmSync(this.folder, { recursive: true, force: true });
    });
    return this.destroying;
  }

  private async call(path: string, body: unknown, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.destroying || this.child.hasExited) return failure(502, message.exitedUnexpectedly(), [], { crashed: true });
    return callProcess(this.child, { stdout: this.stdout, stderr: this.stderr }, timeoutMs, async () => {
      const answer = await postOverSocket(join(this.folder, 'proxy.sock'), path, body);
      if (answer.tooLong !== undefined) return { statusCode: 200, body: {}, truncated: { length: answer.tooLong, text: answer.text } };
      return { statusCode: answer.statusCode, body: parseAnswerBody(answer.text, message.invalidJson).body };
    });
  }
}

/** The proxy writes `{"listening": path}` on fd 3 once it listens. */
async function untilListening(child: ChildHandle): Promise<void> {
  const control = child.child.stdio[3] as Readable;
  const lines = createInterface({ input: control });
  const timer = deadlineTimer(START_LIMIT_MS);
  const first = new Promise<string>((resolve) => lines.once('line', resolve));
  const outcome = await Promise.race([first, child.exited.then(() => 'exit' as const), timer.fired]);
  timer.cancel();
  lines.close();
  if (outcome === 'exit' || outcome === 'timeout') throw new Error(`nodejs container did not start (${outcome === 'exit' ? 'the proxy exited' : `no socket within ${START_LIMIT_MS} ms`})`);
}
