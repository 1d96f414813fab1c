// Per-namespace throttles as OpenWhisk's entitlement checks them: invocations per fixed calendar
// minute (every check counts, rejected ones too; ok while count <= allowed) and concurrent
// activations in flight (ok while count < allowed). Off unless configured.
import { messages } from './messages.js';

export interface ThrottleLimits {
  invocationsPerMinute?: number;
  concurrentInvocations?: number;
}

export class Throttle {
  private minute = -1;
  private countThisMinute = 0;
  private inFlight = 0;

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The 429 message if this invocation must be refused, else null (and it is counted). */
  check(): string | null {
    const perMinute = this.limits.invocationsPerMinute;
    if (perMinute !== undefined) {
      const minute = Math.floor(this.now() / 60_000);
      if (minute !== this.minute) {
        this.minute = minute;
        this.countThisMinute = 0;
      }
      this.countThisMinute += 1;
      if (this.countThisMinute > perMinute) return messages.tooManyRequests(this.countThisMinute, perMinute);
    }
    const concurrent = this.limits.concurrentInvocations;
    if (concurrent !== undefined && this.inFlight >= concurrent) {
      return messages.tooManyConcurrentRequests(this.inFlight, concurrent);
    }
    return null;
  }

  /** Tracks an accepted activation until it finishes. */
  track<T>(activation: Promise<T>): Promise<T> {
    this.inFlight += 1;
    return activation.finally(() => {
      this.inFlight -= 1;
    });
  }
}
