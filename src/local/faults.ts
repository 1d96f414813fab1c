// Deterministic fault injection for the driver's tests: every fault picks invocations by their
// 1-based index (invokes counted in arrival order, /init calls counted separately), so a test
// knows in advance which call fails and how.
import type { FaultConfig, FaultSelector } from './config.js';

export interface InvokeFaults {
  /** 1-based index of this invoke request among all invoke requests the server received. */
  index: number;
  latencyMs: number;
  throttle: boolean;
  serverErrorStatus?: number;
  drop?: 'before' | 'after';
}

export function selects(selector: FaultSelector | undefined, index: number): boolean {
  if (!selector) return false;
  return (selector.every !== undefined && index % selector.every === 0) || (selector.at?.includes(index) ?? false);
}

export class FaultPlan {
  private invokes = 0;
  private inits = 0;

  constructor(private readonly faults: FaultConfig) {}

  get storeLagMs(): number {
    return this.faults.storeLagMs ?? 0;
  }

  nextInvoke(): InvokeFaults {
    const index = ++this.invokes;
    const { latency, throttle, serverError, dropConnection } = this.faults;
    return {
      index,
      latencyMs: latency && selects(latency, index) ? latency.ms : 0,
      throttle: selects(throttle, index),
      ...(serverError && selects(serverError, index) ? { serverErrorStatus: serverError.status } : {}),
      ...(dropConnection && selects(dropConnection, index) ? { drop: dropConnection.when } : {}),
    };
  }

  /** Whether the next /init should crash. */
  nextInitCrashes(): boolean {
    return selects(this.faults.crashOnInit, ++this.inits);
  }
}
