// The stores a server's context holds beside its actions and activations: the user's packages,
// triggers and rules, the whisk.system catalog, the alarm provider and the in-server actions.
import type { Builtin } from '../catalog/builtin.js';
import { AlarmProvider } from '../feeds/alarms.js';
import { RouteStore } from '../feeds/routes.js';
import { ActionStore } from '../store/actions.js';
import { PackageStore } from '../store/packages.js';
import { RuleStore } from '../store/rules.js';
import { TriggerStore } from '../store/triggers.js';
import { SYSTEM_NAMESPACE } from './resolve.js';

export function newEntityStores(namespace: string) {
  return {
    packages: new PackageStore(namespace),
    triggers: new TriggerStore(namespace),
    rules: new RuleStore(namespace),
    system: { namespace: SYSTEM_NAMESPACE, actions: new ActionStore(SYSTEM_NAMESPACE), packages: new PackageStore(SYSTEM_NAMESPACE) },
    alarms: new AlarmProvider(),
    routes: new RouteStore(),
    builtins: new Map<string, Builtin>(),
  };
}
