// Runs one activation end to end, as OpenWhisk's ContainerProxy does: get a container from the
// pool (queueing and creation are waitTime), /init it on a cold start (initTime), /run, read the
// answer, return or destroy the container, and build the record.
import type { InitPayload, Isolation, ProxyAnswer } from '../container.js';
import type { FaultPlan } from '../faults.js';
import { messages } from '../messages.js';
import type { WhiskAction } from '../store/actions.js';
import { buildRecord, type ActivationRecord, type ActivationTimeline } from '../store/record.js';
import { formatLogLine } from '../runtimes/log-lines.js';
import { capLogs } from './log-limit.js';
import { initOutcome, runOutcome, startupFailure, type Outcome } from './outcome.js';
import type { ContainerPool, Lease } from './pool.js';

export interface InvokerContext {
  /** The namespace activations are recorded under (the invoking subject's). */
  namespace: string;
  subject: string;
  apiHost: string;
  blackbox: { images: Record<string, string>; folder?: string };
  /** The isolation each kind runs under (the annotation when no container reports its own). */
  isolationOf?: (kind: string) => Isolation | undefined;
  /** The namespace's key: an action sees it only when annotated provide-api-key (OpenWhisk's rule). */
  apiKey?: string;
}

export interface ActivationJob {
  activationId: string;
  transactionId: string;
  action: WhiskAction;
  params: Record<string, unknown>;
  receivedAt: number;
}

/** A run that outlives its own timeout by this much is abandoned (a runtime that never answers). */
const RUN_GUARD_MS = 5_000;

export class Invoker {
  constructor(
    private readonly pool: ContainerPool,
    private readonly faults: FaultPlan,
    private readonly context: InvokerContext,
  ) {}

  async invoke(job: ActivationJob): Promise<ActivationRecord> {
    const { action } = job;
    const timeoutMs = action.limits.timeout;
    const timeline: ActivationTimeline = { receivedAt: job.receivedAt };
    const image = action.exec.kind === 'blackbox' ? action.exec.image ?? '' : undefined;
    let lease: Lease;
    try {
      // The factory checks a blackbox image (OpenWhisk's pull) when it creates the container.
      lease = await this.pool.acquire({
        actionKey: actionKey(action),
        kind: action.exec.kind,
        memoryMb: action.limits.memory,
        timeoutMs,
        ...(image !== undefined ? { spec: { image, binary: action.exec.binary && (action.exec.code ?? '') !== '' } } : {}),
      });
    } catch (error) {
      timeline.failedAt = Date.now();
      return this.record(job, timeline, startupFailure(action.exec.kind, action.exec.image, (error as Error).message), []);
    }
    const isolation = lease.entry.container.isolation;
    const { container } = lease.entry;
    const logs: string[] = [];
    if (lease.cold) {
      const start = Date.now();
      const answer = this.faults.nextInitCrashes()
        ? await crash(container)
        : await guard(container.init(this.initPayload(job, image), timeoutMs), timeoutMs, container);
      timeline.init = { start, end: Date.now() };
      appendLines(logs, answer.logs);
      const failed = initOutcome(answer, timeoutMs, timeline.init.end - start);
      if (failed) {
        this.pool.release(lease.entry, true);
        return this.record(job, timeline, failed, logs, isolation);
      }
    }
    const start = Date.now();
    const answer = await guard(container.run(job.params, this.runContext(job, start + timeoutMs), timeoutMs), timeoutMs, container);
    timeline.run = { start, end: Date.now() };
    appendLines(logs, answer.logs);
    const outcome = runOutcome(answer, timeoutMs, timeline.run.end - start);
    this.pool.release(lease.entry, outcome.destroyContainer);
    return this.record(job, timeline, outcome, logs, isolation);
  }

  private record(job: ActivationJob, timeline: ActivationTimeline, outcome: Outcome, collected: string[], isolation?: Isolation): ActivationRecord {
    const { action } = job;
    const logs = capLogs(collected, action.limits.logs);
    if (outcome.statusCode === 2) {
      // DockerToActivationLogStore appends this warning when a developer error cut the logs short.
      logs.push(formatLogLine({ time: Date.now(), stream: 'stderr', text: messages.logWarningDeveloperError }));
    }
    const record = buildRecord({
      activationId: job.activationId,
      namespace: this.context.namespace,
      subject: this.context.subject,
      action: {
        name: action.name,
        path: `${action.namespace}/${action.name}`,
        version: action.version,
        kind: action.exec.kind,
        limits: action.limits,
      },
      timeline,
      statusCode: outcome.statusCode,
      result: outcome.result,
      ...(outcome.size !== undefined ? { size: outcome.size } : {}),
      timedOut: outcome.timedOut,
      logs,
    });
    // Which isolation ran it: docker, process or thread (never mixed silently).
    const ran = isolation ?? this.context.isolationOf?.(action.exec.kind);
    if (ran !== undefined) record.annotations.push({ key: 'isolation', value: ran });
    return record;
  }

  private initPayload(job: ActivationJob, image: string | undefined): InitPayload {
    const { action } = job;
    return {
      name: action.name,
      main: action.exec.main ?? 'main',
      code: action.exec.code ?? '',
      binary: action.exec.binary,
      ...(image !== undefined ? { image } : {}),
      env: {
        __OW_NAMESPACE: this.context.namespace,
        __OW_ACTION_NAME: `/${action.namespace}/${action.name}`,
        __OW_ACTION_VERSION: action.version,
        __OW_ACTIVATION_ID: job.activationId,
        __OW_TRANSACTION_ID: job.transactionId,
        __OW_DEADLINE: String(Date.now() + action.limits.timeout),
        __OW_API_HOST: this.context.apiHost,
        ...(this.keyFor(action) ? { __OW_API_KEY: this.keyFor(action)! } : {}),
      },
    };
  }

  /** OpenWhisk passes the key only to actions annotated provide-api-key true; new actions get false. */
  private keyFor(action: WhiskAction): string | undefined {
    const annotation = action.annotations.find((a) => a.key === 'provide-api-key');
    return annotation?.value === true ? this.context.apiKey : undefined;
  }

  private runContext(job: ActivationJob, deadline: number) {
    const { action } = job;
    return {
      namespace: this.context.namespace,
      actionName: `/${action.namespace}/${action.name}`,
      activationId: job.activationId,
      deadline,
      apiHost: this.context.apiHost,
      ...(this.keyFor(action) ? { apiKey: this.keyFor(action)! } : {}),
    };
  }
}

/** Containers are bound to an action and its version (OW matches WarmedData on the action revision). */
export function actionKey(action: WhiskAction): string {
  return `${action.namespace}/${action.name}@${action.version}`;
}

async function crash(container: { destroy(): Promise<void> }): Promise<ProxyAnswer> {
  await container.destroy();
  return { statusCode: 502, body: { error: messages.abnormalInitialization }, logs: [], timedOut: false, crashed: true };
}

/** Answers a timeout if the runtime itself never answers (it should enforce the limit itself). */
async function guard(call: Promise<ProxyAnswer>, timeoutMs: number, container: { destroy(): Promise<void> }): Promise<ProxyAnswer> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ProxyAnswer>((resolve) => {
    timer = setTimeout(() => {
      void container.destroy();
      resolve({ statusCode: 502, body: {}, logs: [], timedOut: true, crashed: false });
    }, timeoutMs + RUN_GUARD_MS);
  });
  try {
    return await Promise.race([
      call.catch((error: unknown): ProxyAnswer => ({
        statusCode: 502,
        body: { error: String((error as Error)?.message ?? error) },
        logs: [],
        timedOut: false,
        crashed: true,
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Appends without spreading: a 210,000-line log would overflow the call stack as arguments. */
function appendLines(into: string[], lines: readonly string[]): void {
  for (const line of lines) into.push(line);
}
