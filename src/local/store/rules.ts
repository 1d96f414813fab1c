// The rules of one namespace (WhiskRule): a trigger and an action, both fully qualified ({path,
// name}), and a status the API computes from the trigger's rules map (Rules.scala).
import { z } from 'zod';
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { KeyValue } from './actionSchema.js';
import { upPatch } from './version.js';
import { EntityMap } from './entity-map.js';

const keyValues = z.array(z.object({ key: z.string(), value: z.unknown() }));

export const rulePutSchema = z.object({
  trigger: z.string().optional(),
  action: z.string().optional(),
  status: z.enum(['active', 'inactive']).optional(),
  annotations: keyValues.optional(),
  version: z.string().optional(),
  publish: z.boolean().optional(),
});
export type RulePut = z.infer<typeof rulePutSchema>;

/** FullyQualifiedEntityName as JSON: `path` is the namespace, with the package if any. */
export interface EntityRef {
  path: string;
  name: string;
}

export interface WhiskRule {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: KeyValue[];
  trigger: EntityRef;
  action: EntityRef;
  updated: number;
}

export class RuleStore extends EntityMap<WhiskRule> {

  /** `trigger` and `action` come resolved from the API (they must exist when the rule is made). */
  put(name: string, body: RulePut, refs: { trigger?: EntityRef; action?: EntityRef }, overwrite: boolean): WhiskRule {
    const old = this.entries.get(name);
    if (old && !overwrite) throw new HttpError(409, messages.resourceAlreadyExists);
    const trigger = refs.trigger ?? old?.trigger;
    const action = refs.action ?? old?.action;
    if (!trigger || !action) throw new HttpError(400, messages.ruleNeedsTriggerAndAction);
    const rule: WhiskRule = {
      namespace: this.namespace,
      name,
      version: body.version ?? (old ? upPatch(old.version) : '0.0.1'),
      publish: body.publish ?? old?.publish ?? false,
      annotations: body.annotations ?? old?.annotations ?? [],
      trigger,
      action,
      updated: Date.now(),
    };
    this.entries.set(name, rule);
    return rule;
  }

  delete(name: string): WhiskRule {
    const rule = this.entries.get(name);
    if (!rule) throw new HttpError(404, messages.resourceDoesNotExist);
    this.entries.delete(name);
    return rule;
  }
}

