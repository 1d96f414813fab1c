// What every API handler works with: the one namespace's stores, the invoker and the knobs.
import type { ResolvedConfig } from '../config.js';
import type { FaultPlan } from '../faults.js';
import type { Invoker } from '../invoker/invoker.js';
import type { ActionStore } from '../store/actions.js';
import type { ActivationStore } from '../store/activations.js';
import type { Throttle } from '../throttle.js';
import type { IsolationChoice } from '../runtimes/isolation.js';

export interface WhiskContext {
  auth: string;
  namespace: string;
  config: ResolvedConfig;
  actions: ActionStore;
  activations: ActivationStore;
  invoker: Invoker;
  throttle: Throttle;
  faults: FaultPlan;
  /** Activations accepted and not finished yet, so close() can wait for them. */
  running: Set<Promise<unknown>>;
  /** How actions are isolated, reported by `GET /`. */
  isolation?: IsolationChoice;
}
