// blackbox: a native executable per container, driven by OpenWhisk's action loop (the protocol of
// openwhisk-runtime-go that native/blackbox images use). /init starts the executable with
// __OW_WAIT_FOR_ACK=1 and waits for `{"ok":true}` on its fd 3; each /run writes one JSON line
// `{"value", "namespace", "action_name", "activation_id", "deadline", "api_host"}` to its stdin and
// reads one JSON line of result from fd 3; stdout and stderr are the logs. Creating the container
// starts nothing: like the Go proxy, the process exists from /init on.
import { rmSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import type { Container, ContainerLimits, Isolation, InitPayload, ProxyAnswer, RunContext } from '../../container.js';
import { ChildHandle, containerEnv } from '../child-process.js';
import { LineReader } from '../line-reader.js';
import { StreamLines } from '../log-lines.js';
import { message } from '../messages.js';
import type { RuntimeOptions } from '../options.js';
import { callProcess, failure } from '../process-call.js';
import { runBody } from '../run-body.js';
import { launchFor } from './launch.js';

/** Our executables write the sentinels before the result; others get this long for late log lines. */
const LOG_GRACE_MS = 50;

interface Started {
  child: ChildHandle;
  results: LineReader;
  stdout: StreamLines;
  stderr: StreamLines;
  scratch?: string;
}

export class BlackboxContainer implements Container {
  readonly kind = 'blackbox';
  readonly isolation: Isolation = 'process';
  readonly memoryMb: number;
  private started: Started | undefined;
  private destroying: Promise<void> | undefined;

  constructor(readonly id: string, limits: ContainerLimits, private readonly options: RuntimeOptions) {
    this.memoryMb = limits.memoryMb;
  }

  /** The executable's process id once initialized. */
  get pid(): number | undefined {
    return this.started?.child.pid;
  }

  async init(payload: InitPayload, timeoutMs: number): Promise<ProxyAnswer> {
    if (this.destroying) return failure(502, message.destroyed(), [], { crashed: true });
    if (this.started) return failure(403, message.reinit(), [], {});
    const launch = launchFor(payload, this.memoryMb, this.options);
    if (!launch) return failure(502, message.initFailed(message.unknownImage(payload.image ?? '(binary code)', this.options.blackboxFolder)), [], {});
    const env = containerEnv({ ...payload.env, __OW_WAIT_FOR_ACK: '1' }, this.options.marker);
    const child = ChildHandle.spawn(launch.file, launch.args, env, ['pipe', 'pipe', 'pipe', 'pipe']);
    const started: Started = {
      child,
      results: new LineReader(child.child.stdio[3] as Readable),
      stdout: new StreamLines('stdout', child.child.stdout as Readable),
      stderr: new StreamLines('stderr', child.child.stderr as Readable),
      scratch: launch.scratch,
    };
    (child.child.stdin as Writable).on('error', () => undefined); // EPIPE after a crash shows up as the exit
    this.started = started;
    const answer = await callProcess(child, started, timeoutMs, async () => {
      const ack = await started.results.next();
      if (ack === undefined) return { statusCode: 502, body: { error: 'Command exited abruptly during initialization.' } };
      const ok = parseLine(ack)?.ok === true;
      return ok ? { statusCode: 200, body: { ok: true } } : { statusCode: 502, body: { error: 'The action did not initialize properly.' } };
    }, { graceMs: 0 });
    return answer.statusCode === 200 ? answer : { ...answer, body: { error: message.initFailed(String(answer.body.error)) } };
  }

  async run(params: Record<string, unknown>, context: RunContext, timeoutMs: number): Promise<ProxyAnswer> {
    const started = this.started;
    if (this.destroying) return failure(502, message.destroyed(), [], { crashed: true });
    if (!started) return failure(403, message.notInitialized(), [], {});
    if (started.child.hasExited) return failure(502, message.exitedUnexpectedly(), [], { crashed: true });
    const line = JSON.stringify(runBody(params, context));
    return callProcess(started.child, started, timeoutMs, async () => {
      (started.child.child.stdin as Writable).write(`${line}\n`);
      const answer = await started.results.next();
      if (answer === undefined) return new Promise<never>(() => undefined); // fd 3 closed: the exit decides
      const body = parseLine(answer);
      return body ? { statusCode: 200, body } : { statusCode: 502, body: { error: message.invalidJson(answer) } };
    }, { graceMs: LOG_GRACE_MS });
  }

  destroy(): Promise<void> {
    this.destroying ??= (async () => {
      await this.started?.child.kill();
      if (this.started?.scratch) rmSync(this.started.scratch, { recursive: true, force: true });
    })();
    return this.destroying;
  }
}

function parseLine(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
