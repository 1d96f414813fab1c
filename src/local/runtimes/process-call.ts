// The outcome of one /init or /run against a container process: its answer, its death, or its
// time limit, whichever comes first. On a timeout or a death the process (group) is killed and
// reaped before the answer is returned, so the caller never sees a half-dead container.
import type { ProxyAnswer } from '../container.js';
import { deadlineTimer, type ChildHandle } from './child-process.js';
import { formatLogs, type StreamLines, type LogLine } from './log-lines.js';
import { message } from './messages.js';

/** How long to wait for the sentinel after an answer; it is written before the answer, so rarely waited. */
const SENTINEL_GRACE_MS = 200;

export interface ProcessStreams {
  stdout: StreamLines;
  stderr: StreamLines;
}

export async function callProcess(
  child: ChildHandle,
  streams: ProcessStreams,
  timeoutMs: number,
  call: () => Promise<{ statusCode: number; body: Record<string, unknown>; truncated?: ProxyAnswer['truncated'] }>,
  options: { graceMs?: number } = {},
): Promise<ProxyAnswer> {
  const timer = deadlineTimer(timeoutMs);
  const answer = call().then(
    (value) => ({ kind: 'answer' as const, value }),
    (error: unknown) => ({ kind: 'failed' as const, error }),
  );
  const outcome = await Promise.race([answer, child.exited.then(() => ({ kind: 'exit' as const })), timer.fired]);
  timer.cancel();
  if (outcome === 'timeout') {
    await child.kill();
    await child.outputRead();
    return failure(502, message.timedOut(timeoutMs), drain(streams), { timedOut: true });
  }
  if (outcome.kind === 'answer') {
    const logs = await takeLogs(streams, options.graceMs ?? SENTINEL_GRACE_MS);
    const { statusCode, body, truncated } = outcome.value;
    return { statusCode, body, logs, timedOut: false, crashed: false, ...(truncated ? { truncated } : {}) };
  }
  // the process died, or the connection broke because it is dying: reap it, then say why
  await Promise.race([child.exited, new Promise((r) => setTimeout(r, 100))]);
  await child.kill();
  await child.outputRead();
  const outOfMemory = /heap out of memory|Reached heap limit|out of memory/i.test(streams.stderr.peekText());
  return failure(502, outOfMemory ? message.outOfMemory() : message.exitedUnexpectedly(), drain(streams), { crashed: true });
}

export function failure(statusCode: number, error: string, logs: string[], flags: { timedOut?: boolean; crashed?: boolean }): ProxyAnswer {
  return { statusCode, body: { error }, logs, timedOut: flags.timedOut ?? false, crashed: flags.crashed ?? false };
}

async function takeLogs(streams: ProcessStreams, graceMs: number): Promise<string[]> {
  const [out, err] = await Promise.all([streams.stdout.takeActivation(graceMs), streams.stderr.takeActivation(graceMs)]);
  return formatLogs([...out, ...err]);
}

function drain(streams: ProcessStreams): string[] {
  const lines: LogLine[] = [...streams.stdout.takeUpToSentinel(), ...streams.stderr.takeUpToSentinel()];
  return formatLogs(lines);
}
