// What a deployment says about itself beyond GET /api/v1 (issue 11 item 6): the controller's
// GET / (its limits) and GET /invokers (one entry per invoker with its health), both
// unauthenticated in OpenWhisk's controller (Controller.scala: `info`, `internalInvokerHealth`).
// An edge proxy may not pass /invokers on; then the run log says null and the document says
// the API did not tell. Best effort: a failure here never stops a run.
import { isObject } from '../ingest/fields.js';
import { getRelative, type Whisk } from './client.js';

export interface DeploymentInfo {
  /** Invokers the controller lists, and how many of them it calls healthy ("up"). */
  invokers: { total: number; healthy: number } | null;
  /** The controller's per-namespace concurrent-invocation limit (GET / limits.concurrent_actions). */
  concurrent_actions: number | null;
  /** The controller's per-namespace invocations-per-minute limit. */
  actions_per_minute: number | null;
}

export async function deploymentInfo(whisk: Whisk): Promise<DeploymentInfo> {
  const [root, invokers] = await Promise.all([quietly(getRelative(whisk, '../../')), quietly(getRelative(whisk, '../../invokers'))]);
  const limits = isObject(root) && isObject(root.limits) ? root.limits : {};
  return {
    invokers: invokersOf(invokers),
    concurrent_actions: numberOrNull(limits.concurrent_actions),
    actions_per_minute: numberOrNull(limits.actions_per_minute),
  };
}

/** `{"invoker0/0": "up", "invoker1/1": "unhealthy"}` → total and healthy counts. */
export function invokersOf(answer: unknown): DeploymentInfo['invokers'] {
  if (!isObject(answer)) return null;
  const states = Object.values(answer);
  if (states.length === 0 || !states.every((s) => typeof s === 'string')) return null;
  return { total: states.length, healthy: states.filter((s) => s === 'up' || s === 'healthy').length };
}

async function quietly(answer: Promise<unknown>): Promise<unknown> {
  try {
    return await answer;
  } catch {
    return null;
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
