// What every API handler works with: the one namespace's stores, the invoker and the knobs.
import type { ResolvedConfig } from '../config.js';
import type { FaultPlan } from '../faults.js';
import type { Builtin } from '../catalog/builtin.js';
import type { AlarmProvider } from '../feeds/alarms.js';
import type { RouteStore } from '../feeds/routes.js';
import type { Invoker } from '../invoker/invoker.js';
import type { ActionStore } from '../store/actions.js';
import type { ActivationStore } from '../store/activations.js';
import type { PackageStore } from '../store/packages.js';
import type { RuleStore } from '../store/rules.js';
import type { TriggerStore } from '../store/triggers.js';
import type { Throttle } from '../throttle.js';
import type { NamespaceEntities } from './resolve.js';
import type { IsolationChoice } from '../runtimes/isolation.js';

export interface WhiskContext {
  auth: string;
  namespace: string;
  /** `http://host:port`, known once the server listens. */
  apiHost: () => string;
  config: ResolvedConfig;
  actions: ActionStore;
  packages: PackageStore;
  triggers: TriggerStore;
  rules: RuleStore;
  /** whisk.system: the catalog every user may read and invoke. */
  system: NamespaceEntities;
  /** The embedded whisk.system/alarms feed provider. */
  alarms: AlarmProvider;
  /** API routes (the catalog's apimgmt actions keep them). */
  routes: RouteStore;
  /** Catalog actions that run in the server, by path (`whisk.system/alarms/alarm`). */
  builtins: Map<string, Builtin>;
  activations: ActivationStore;
  invoker: Invoker;
  throttle: Throttle;
  faults: FaultPlan;
  /** Activations accepted and not finished yet, so close() can wait for them. */
  running: Set<Promise<unknown>>;
  /** How actions are isolated, reported by `GET /`. */
  isolation?: IsolationChoice;
}
