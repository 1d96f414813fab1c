// Open-loop arrivals: when each call of a batch is due (a fixed rate, or a Poisson process from
// the run's seed), and a dispatcher that sends each one on time. setTimeout alone fires a
// millisecond or more late, so the last stretch before each send is waited out on setImmediate,
// which still lets replies and other I/O through between checks.
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { mulberry32 } from './plan.js';

export type ArrivalProcess = 'fixed' | 'poisson';

/** Epoch milliseconds with sub-millisecond resolution (Date.now() has whole milliseconds). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Planned send offsets (ms from the batch's start) of `count` calls at `rate` per second. */
export function arrivalOffsets(count: number, rate: number, process: ArrivalProcess, seed: number): number[] {
  const gap = 1000 / rate;
  if (process === 'fixed') return Array.from({ length: count }, (_, i) => i * gap);
  // Exponential gaps of mean 1/rate (inverse transform); the first call goes at the start.
  const random = mulberry32(seed);
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    at += -Math.log(1 - random()) * gap;
  }
  return offsets;
}

/** The slack left to the timer: below this, the wait spins on setImmediate. */
const SPIN_MS = 2;

/** Resolves as soon after `at` (epoch ms, preciseNow's clock) as the event loop allows, never before. */
export async function waitUntil(at: number): Promise<void> {
  const ahead = at - preciseNow();
  if (ahead > SPIN_MS) await delay(ahead - SPIN_MS);
  while (preciseNow() < at) await nextTurn();
}

/** Calls `send(position, plannedAt)` for each offset on schedule, without waiting for replies; resolves with them all. */
export async function dispatch<T>(start: number, offsets: number[], send: (position: number, plannedAt: number) => Promise<T>): Promise<T[]> {
  const pending: Promise<T>[] = [];
  for (let position = 0; position < offsets.length; position++) {
    const plannedAt = start + offsets[position]!;
    await waitUntil(plannedAt);
    pending.push(send(position, plannedAt));
  }
  return Promise.all(pending);
}
