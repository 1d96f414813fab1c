// Backoff for throttled invokes. OpenWhisk sends 429 without Retry-After and counts in fixed
// calendar minutes, so the driver waits with "full jitter" (a random delay up to an exponentially
// growing cap) so that concurrent trials do not retry in lockstep, within a per-trial budget.
import type { RetryPolicy } from './experiment.js';

/** The delay before retry number `attempt` (0-based), or null when the budget is spent. */
export function backoffDelay(policy: RetryPolicy, attempt: number, spentMs: number, random: () => number = Math.random): number | null {
  if (attempt >= policy.maxRetries) return null;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  // At least half the ceiling, so a retry is never immediate (half jitter keeps the spread).
  const delay = Math.round(ceiling / 2 + random() * (ceiling / 2));
  if (spentMs + delay > policy.budgetMs) return null;
  return delay;
}

/** Polling delays for idempotent reads (store lag 404s, lookups): grows to a ceiling, with jitter. */
export function pollDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(2000, 50 * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
