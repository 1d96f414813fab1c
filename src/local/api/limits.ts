// GET /namespaces/{ns}/limits: the limits in force, shaped as OpenWhisk's UserLimits (Limits.scala;
// OW:tests/.../controller/test/LimitsApiTests.scala "list default system limits"): throttles only
// when set, the action limit bounds always (memory and logs in MB, timeouts in ms).
import { LIMIT_BOUNDS } from '../store/actionSchema.js';
import type { WhiskContext } from './context.js';

export function namespaceLimits(ctx: WhiskContext): Record<string, number> {
  const { invocationsPerMinute, concurrentInvocations } = ctx.config.throttle;
  return {
    ...(invocationsPerMinute !== undefined ? { invocationsPerMinute } : {}),
    ...(concurrentInvocations !== undefined ? { concurrentInvocations, maxActionInstances: concurrentInvocations } : {}),
    minActionMemory: LIMIT_BOUNDS.memory.min,
    maxActionMemory: LIMIT_BOUNDS.memory.max,
    minActionLogs: LIMIT_BOUNDS.logs.min,
    maxActionLogs: LIMIT_BOUNDS.logs.max,
    minActionTimeout: LIMIT_BOUNDS.timeout.min,
    maxActionTimeout: LIMIT_BOUNDS.timeout.max,
    minActionConcurrency: LIMIT_BOUNDS.concurrency.min,
    maxActionConcurrency: LIMIT_BOUNDS.concurrency.max,
  };
}
