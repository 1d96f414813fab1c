// The feed actions of whisk.system/alarms (alarm: cron; interval: minutes; once: date), driven
// by the lifecycle the client sends (feeds.create/get/update/delete invoke the feed action with
// lifecycleEvent CREATE/READ/UPDATE/DELETE, triggerName `/ns/trigger`, and the feed's params).
import type { WhiskContext } from '../api/context.js';
import { fire } from '../api/triggers.js';
import { isValidCron, type AlarmSpec } from '../feeds/alarms.js';
import { newTransactionId } from '../ids.js';
import { messages } from '../messages.js';
import { failed, ok, type Builtin } from './builtin.js';

export type AlarmKind = 'alarm' | 'interval' | 'once';

export function alarmFeed(ctx: WhiskContext, kind: AlarmKind): Builtin {
  return (params) => {
    const event = String(params.lifecycleEvent ?? '');
    const trigger = triggerKey(ctx, params.triggerName);
    if (trigger === undefined) return failed(messages.resourceDoesNotExist);
    if (event === 'READ') {
      const status = ctx.alarms.get(trigger);
      return status ? ok({ ...status }) : failed(messages.alarmNotFound(trigger));
    }
    if (event === 'DELETE') return ctx.alarms.delete(trigger) ? ok({}) : failed(messages.alarmNotFound(trigger));
    if (event !== 'CREATE' && event !== 'UPDATE') return failed(messages.feedUnknownEvent(event));
    const spec = alarmSpec(kind, params);
    if (typeof spec === 'string') return failed(spec);
    const name = trigger.slice(trigger.lastIndexOf('/') + 1);
    if (!ctx.triggers.get(name)) return failed(messages.resourceDoesNotExist);
    ctx.alarms.start(trigger, spec, (payload) => {
      const current = ctx.triggers.get(name);
      if (current) fire(ctx, current, payload, newTransactionId());
    });
    return ok({});
  };
}

/** `/_/t` or `/guest/t` → `/guest/t`; undefined for another namespace's trigger. */
function triggerKey(ctx: WhiskContext, value: unknown): string | undefined {
  const parts = String(value ?? '').split('/');
  if (parts.length !== 3 || parts[0] !== '' || !parts[2]) return undefined;
  if (parts[1] !== '_' && parts[1] !== ctx.namespace) return undefined;
  return `/${ctx.namespace}/${parts[2]}`;
}

function alarmSpec(kind: AlarmKind, params: Record<string, unknown>): AlarmSpec | string {
  const payload = isObject(params.trigger_payload) ? params.trigger_payload : {};
  const stop = typeof params.stopDate === 'string' || typeof params.stopDate === 'number' ? { stopDate: params.stopDate } : {};
  if (kind === 'alarm') {
    if (typeof params.cron !== 'string') return messages.alarmNeedsSchedule;
    if (!isValidCron(params.cron)) return messages.alarmBadCron(params.cron);
    return { cron: params.cron, payload, ...stop };
  }
  if (kind === 'interval') {
    const minutes = Number(params.minutes);
    if (!Number.isFinite(minutes) || minutes <= 0) return messages.alarmNeedsSchedule;
    return { minutes, payload, ...stop };
  }
  if (typeof params.date !== 'string' && typeof params.date !== 'number') return messages.alarmNeedsSchedule;
  return { date: params.date, payload };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

