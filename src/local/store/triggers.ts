// The triggers of one namespace (WhiskTrigger): parameters, annotations (a feed's trigger carries
// `feed`), and the rules map the controller keeps on the trigger itself, keyed `ns/rule` with the
// rule's action and status (Triggers.scala create/update; WhiskTrigger.rules).
import { z } from 'zod';
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { KeyValue } from './actionSchema.js';
import { upPatch } from './version.js';
import { EntityMap } from './entity-map.js';

const keyValues = z.array(z.object({ key: z.string(), value: z.unknown() }));

export const triggerPutSchema = z.object({
  parameters: keyValues.optional(),
  annotations: keyValues.optional(),
  limits: z.object({}).passthrough().optional(),
  version: z.string().optional(),
  publish: z.boolean().optional(),
});
export type TriggerPut = z.infer<typeof triggerPutSchema>;

export type RuleStatus = 'active' | 'inactive';

export interface ReducedRule {
  action: { name: string; path: string };
  status: RuleStatus;
}

export interface WhiskTrigger {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: KeyValue[];
  parameters: KeyValue[];
  limits: Record<string, unknown>;
  rules?: Record<string, ReducedRule>;
  updated: number;
}

export class TriggerStore extends EntityMap<WhiskTrigger> {

  put(name: string, body: TriggerPut, overwrite: boolean): WhiskTrigger {
    const old = this.entries.get(name);
    if (old && !overwrite) throw new HttpError(409, messages.resourceAlreadyExists);
    const trigger: WhiskTrigger = {
      namespace: this.namespace,
      name,
      version: body.version ?? (old ? upPatch(old.version) : '0.0.1'),
      publish: body.publish ?? old?.publish ?? false,
      annotations: body.annotations ?? old?.annotations ?? [],
      parameters: body.parameters ?? old?.parameters ?? [],
      limits: body.limits ?? old?.limits ?? {},
      ...(old?.rules ? { rules: old.rules } : {}),
      updated: Date.now(),
    };
    this.entries.set(name, trigger);
    return trigger;
  }

  delete(name: string): WhiskTrigger {
    const trigger = this.entries.get(name);
    if (!trigger) throw new HttpError(404, messages.resourceDoesNotExist);
    this.entries.delete(name);
    return trigger;
  }

  /** Links (or unlinks, with `rule` undefined) a rule on its trigger, as the rules API does. */
  setRule(triggerName: string, ruleKey: string, rule: ReducedRule | undefined): void {
    const trigger = this.entries.get(triggerName);
    if (!trigger) return;
    const rules = { ...trigger.rules };
    if (rule) rules[ruleKey] = rule;
    else delete rules[ruleKey];
    this.entries.set(triggerName, { ...trigger, rules });
  }
}

