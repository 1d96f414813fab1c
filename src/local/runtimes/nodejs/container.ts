// nodejs:20 / nodejs:default: a child Node process per container running our action proxy.
// Creation (OpenWhisk's container start) lasts from spawn until the proxy listens.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Agent } from 'node:http';
import type { Container, ContainerLimits, Isolation, InitPayload, ProxyAnswer, RunContext } from '../../container.js';
import { ChildHandle, containerEnv, deadlineTimer } from '../child-process.js';
import { StreamLines } from '../log-lines.js';
import { locateScript, runtimesFolder } from '../locate-script.js';
import { callProcess, failure } from '../process-call.js';
import { parseAnswerBody, postJson, proxyAgent } from '../http-call.js';
import { message } from '../messages.js';
import { runBody } from '../run-body.js';

/** A proxy that does not listen within this time is broken (it normally takes ~40 ms). */
const START_LIMIT_MS = 10_000;

export class NodeContainer implements Container {
  readonly isolation: Isolation = 'process';
  readonly memoryMb: number;
  private readonly agent: Agent = proxyAgent();
  private readonly stdout: StreamLines;
  private readonly stderr: StreamLines;
  private port = 0;
  private destroying: Promise<void> | undefined;

  private constructor(readonly id: string, readonly kind: string, limits: ContainerLimits, private readonly child: ChildHandle) {
    this.memoryMb = limits.memoryMb;
    this.stdout = new StreamLines('stdout', child.child.stdout as Readable);
    this.stderr = new StreamLines('stderr', child.child.stderr as Readable);
  }

  /** The process id of the container (tests check reuse and cleanup with it). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(id: string, kind: string, limits: ContainerLimits, instance?: string): Promise<NodeContainer> {
    const proxy = await locateScript('nodejs/proxy');
    const args = [`--max-old-space-size=${limits.memoryMb}`, proxy, runtimesFolder];
    const child = ChildHandle.spawn(process.execPath, args, containerEnv({}, instance), ['pipe', 'pipe', 'pipe', 'pipe']);
    const container = new NodeContainer(id, kind, limits, child);
    try {
      container.port = await readPort(child);
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
      this.agent.destroy();
    });
    return this.destroying;
  }

  private async call(path: string, body: unknown, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.destroying || this.child.hasExited) return failure(502, message.exitedUnexpectedly(), [], { crashed: true });
    return callProcess(this.child, { stdout: this.stdout, stderr: this.stderr }, timeoutMs, async () => {
      const answer = await postJson(this.agent, this.port, path, body);
      return { statusCode: answer.statusCode, body: parseAnswerBody(answer.text, message.invalidJson).body };
    });
  }
}

/** The proxy writes `{"port": N}` on fd 3 once it listens. */
async function readPort(child: ChildHandle): Promise<number> {
  const control = child.child.stdio[3] as Readable;
  const lines = createInterface({ input: control });
  const timer = deadlineTimer(START_LIMIT_MS);
  const first = new Promise<string>((resolve) => lines.once('line', resolve));
  const outcome = await Promise.race([first, child.exited.then(() => 'exit' as const), timer.fired]);
  timer.cancel();
  lines.close();
  if (outcome === 'exit' || outcome === 'timeout') throw new Error(`nodejs container did not start (${outcome === 'exit' ? 'the proxy exited' : `no port within ${START_LIMIT_MS} ms`})`);
  const port = (JSON.parse(outcome) as { port?: unknown }).port;
  if (typeof port !== 'number' || port <= 0) throw new Error(`nodejs container reported no port: ${outcome}`);
  return port;
}
