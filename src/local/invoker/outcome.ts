// How the invoker reads a proxy's answer (OW ActivationResult.scala processInitResponse /
// processRunResponse): the status code, the stored result, and whether the container must go.
import type { ProxyAnswer } from '../container.js';
import { messages } from '../messages.js';
import type { StatusCode } from '../store/record.js';
import { message as runtimeMessage } from '../runtimes/messages.js';

/** OpenWhisk's ActivationEntityLimit for a result: 1 MB. */
export const MAX_RESULT_BYTES = 1024 * 1024;

export interface Outcome {
  statusCode: StatusCode;
  result: Record<string, unknown>;
  /** Length of the container's raw answer, when there was one. */
  size?: number;
  timedOut: boolean;
  /** The container is unusable afterwards (timeout, crash, failed init). */
  destroyContainer: boolean;
}

/** null when /init succeeded; otherwise the developer error the activation ends with. */
export function initOutcome(answer: ProxyAnswer, timeoutMs: number, elapsedMs: number): Outcome | null {
  const timedOut = answer.timedOut || elapsedMs >= timeoutMs;
  if (answer.statusCode === 200 && !answer.timedOut && !answer.crashed) return null;
  let error: unknown;
  if (answer.timedOut) error = messages.timedOut(timeoutMs, true);
  else if (answer.crashed) error = messages.abnormalInitialization;
  else error = answer.body.error ?? messages.invalidInitResponse(JSON.stringify(answer.body));
  return { statusCode: 2, result: { error }, timedOut, destroyContainer: true };
}

export function runOutcome(answer: ProxyAnswer, timeoutMs: number, elapsedMs: number): Outcome {
  if (answer.timedOut) {
    return { statusCode: 2, result: { error: messages.timedOut(timeoutMs, false) }, timedOut: true, destroyContainer: true };
  }
  const timedOut = elapsedMs >= timeoutMs;
  if (answer.crashed) {
    const error = typeof answer.body.error === 'string' ? answer.body.error : messages.abnormalRun;
    return { statusCode: 2, result: { error }, timedOut, destroyContainer: true };
  }
  const text = answer.truncated?.text ?? JSON.stringify(answer.body);
  const size = answer.truncated?.length ?? text.length;
  if (size > MAX_RESULT_BYTES) {
    // OpenWhisk truncates an oversized answer and records it as an application error
    const error = runtimeMessage.resultTooLong(size, MAX_RESULT_BYTES, text.slice(0, MAX_RESULT_BYTES));
    return { statusCode: 1, result: { error }, size, timedOut, destroyContainer: false };
  }
  if (answer.statusCode !== 200) {
    const error = answer.body.error ?? messages.invalidRunResponse(JSON.stringify(answer.body));
    return { statusCode: 2, result: { error }, size, timedOut, destroyContainer: false };
  }
  const statusCode: StatusCode = 'error' in answer.body ? 1 : 0;
  return { statusCode, result: answer.body, size, timedOut, destroyContainer: false };
}

/** The container could not be created (OW: Interval.zero, no initTime). */
export function startupFailure(kind: string, image: string | undefined, reason: string): Outcome {
  // A blackbox image that cannot be found is the developer's problem (OW: image pull error).
  if (kind === 'blackbox') {
    return { statusCode: 2, result: { error: messages.imagePullError(image ?? '') }, timedOut: false, destroyContainer: true };
  }
  return { statusCode: 3, result: { error: `${messages.resourceProvisionError} ${reason}`.trim() }, timedOut: false, destroyContainer: true };
}
