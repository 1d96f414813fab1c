// The embedded whisk.system/alarms provider: one timer per trigger, by cron pattern (5 fields, or 6
// with seconds, through croner), by interval in minutes, or once at a date. It only schedules;
// what a firing does (fire the trigger) is the callback the feed action hands it.
import { Cron } from 'croner';

export interface AlarmSpec {
  cron?: string;
  /** The `interval` feed's period. */
  minutes?: number;
  /** The `once` feed's date (ISO text or epoch ms). */
  date?: string | number;
  payload: Record<string, unknown>;
  stopDate?: string | number;
}

/** What feeds.get (READ) answers, shaped as the alarms provider's status. */
export interface AlarmStatus {
  config: AlarmSpec & { triggerName: string };
  status: { active: boolean; dateChanged: number };
}

interface Alarm {
  spec: AlarmSpec;
  stop: () => void;
  since: number;
}

export class AlarmProvider {
  private readonly alarms = new Map<string, Alarm>();

  /** Starts (or restarts) the alarm of `trigger`; `fire` runs at every tick. */
  start(trigger: string, spec: AlarmSpec, fire: (payload: Record<string, unknown>) => void): void {
    this.delete(trigger);
    const stopAt = spec.stopDate !== undefined ? new Date(spec.stopDate).getTime() : Infinity;
    const tick = (): void => {
      if (Date.now() > stopAt) void this.delete(trigger);
      else fire(spec.payload);
    };
    let stop: () => void;
    if (spec.cron !== undefined) {
      const job = new Cron(spec.cron, { unref: true }, tick);
      stop = () => job.stop();
    } else if (spec.minutes !== undefined) {
      const timer = setInterval(tick, spec.minutes * 60_000);
      timer.unref();
      stop = () => clearInterval(timer);
    } else {
      const timer = setTimeout(() => {
        tick();
        this.alarms.delete(trigger);
      }, Math.max(0, new Date(spec.date ?? Date.now()).getTime() - Date.now()));
      timer.unref();
      stop = () => clearTimeout(timer);
    }
    this.alarms.set(trigger, { spec, stop, since: Date.now() });
  }

  get(trigger: string): AlarmStatus | undefined {
    const alarm = this.alarms.get(trigger);
    return alarm && { config: { ...alarm.spec, triggerName: trigger }, status: { active: true, dateChanged: alarm.since } };
  }

  delete(trigger: string): boolean {
    const alarm = this.alarms.get(trigger);
    alarm?.stop();
    return this.alarms.delete(trigger);
  }

  /** Stops every alarm (the server is closing). */
  stop(): void {
    for (const trigger of [...this.alarms.keys()]) this.delete(trigger);
  }
}

/** Checks a cron pattern without scheduling it; returns false when croner refuses it. */
export function isValidCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return pattern.trim().split(/\s+/).length >= 5;
  } catch {
    return false;
  }
}
