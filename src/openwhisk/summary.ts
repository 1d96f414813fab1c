// What a finished run log holds, counted: the figures the CLI prints and the tests check.
import type { Batch } from './plan.js';
import { initTimeOf, waitTimeOf } from './records.js';
import type { Outcome, RunLogState } from './runlog.js';

export interface RunSummary {
  log: string;
  runId: string;
  embedded: boolean;
  apihost: string;
  planned: number;
  /** Planned trials the log holds (each exactly once: the reader refuses duplicates). */
  logged: number;
  /** Logged trials whose activation record is in the log. */
  withRecord: number;
  outcomes: Record<Outcome, number>;
  /** Trials that were throttled (429) or refused (5xx) at least once, and the total backoff. */
  retried: number;
  backoffMs: number;
  /** Trials meant to be cold, and those whose record shows no initTime (warm after all). */
  plannedCold: number;
  coldImpure: number;
  /** Cold activations per runtime: mean initTime and mean exec (duration − initTime), ms. */
  perRuntime: Record<string, { trials: number; cold: number; avgInitMs: number | null; avgExecMs: number | null; avgTotalMs: number | null }>;
  durationMs: number;
}

export function summarize(file: string, state: RunLogState, batches: Batch[], durationMs: number): RunSummary {
  const outcomes: Record<Outcome, number> = { ok: 0, error: 0, throttled: 0, timeout: 0, lost: 0 };
  const planned = batches.flatMap((batch) => batch.trials);
  let logged = 0, withRecord = 0, retried = 0, backoffMs = 0, plannedCold = 0, coldImpure = 0;
  const sums = new Map<string, { trials: number; cold: number; init: number; exec: number; execN: number; total: number; totalN: number }>();
  for (const trial of planned) {
    const line = state.trials.get(trial.trial);
    if (!line) continue;
    logged += 1;
    outcomes[line.outcome] += 1;
    if (line.retries > 0) retried += 1;
    backoffMs += line.backoff_ms ?? 0;
    const record = line.activation_id ? state.activations.get(line.activation_id) : undefined;
    if (record) withRecord += 1;
    const init = record ? initTimeOf(record) : null;
    if (line.planned_cold) {
      plannedCold += 1;
      if (record && init === null) coldImpure += 1;
    }
    const sum = sums.get(line.runtime) ?? { trials: 0, cold: 0, init: 0, exec: 0, execN: 0, total: 0, totalN: 0 };
    sum.trials += 1;
    if (record && line.outcome === 'ok') {
      const duration = Number(record.duration);
      const wait = waitTimeOf(record);
      if (init !== null) {
        sum.cold += 1;
        sum.init += init;
      }
      if (Number.isFinite(duration)) {
        sum.exec += duration - (init ?? 0);
        sum.execN += 1;
        if (wait !== null) {
          sum.total += wait + duration;
          sum.totalN += 1;
        }
      }
    }
    sums.set(line.runtime, sum);
  }
  const perRuntime: RunSummary['perRuntime'] = {};
  for (const [runtime, sum] of sums) {
    perRuntime[runtime] = {
      trials: sum.trials,
      cold: sum.cold,
      avgInitMs: sum.cold ? sum.init / sum.cold : null,
      avgExecMs: sum.execN ? sum.exec / sum.execN : null,
      avgTotalMs: sum.totalN ? sum.total / sum.totalN : null,
    };
  }
  return {
    log: file, runId: state.header.id, embedded: state.header.target.embedded, apihost: state.header.target.apihost,
    planned: planned.length, logged, withRecord, outcomes, retried, backoffMs, plannedCold, coldImpure, perRuntime, durationMs,
  };
}
