// Resuming a run on a target that outlived the driver: records the dead driver never fetched,
// invocations of the batch it was running that it never logged (found, not sent again), and lost
// trials that are safe to send again (their action was their own and ran nothing).
import { listActivations, type OwRecord } from './client.js';
import type { PlannedTrial } from './plan.js';
import { fetchRecord, outcomeOfRecord, waitTimeOf } from './records.js';
import { settleAnswers } from './reconcile.js';
import type { Drive } from './runner.js';
import type { RunLogState, TrialLine } from './runlog.js';
import type { TrialAnswer } from './trial.js';

/** Trials logged with an activation id but without its record (the driver died before fetching). */
export async function fetchMissingRecords(run: Drive, state: RunLogState, claimed: Set<string>): Promise<void> {
  const waiting = [...state.trials.values()].filter((line) => line.activation_id && !state.activations.has(line.activation_id));
  const found = await Promise.all(waiting.map((line) => fetchRecord(run.whisk, line.activation_id!, run.options.recordBudgetMs ?? 30000)));
  const lines = found.flatMap((record, position) => {
    claimed.add(waiting[position]!.activation_id!);
    return record ? [{ type: 'activation' as const, activation_id: waiting[position]!.activation_id!, record }] : [];
  });
  await run.writer.append(lines);
}

/**
 * The batch that was running when the driver died may have invocations the log never heard of.
 * They are looked up (newest unclaimed activations of the batch's actions) and adopted, so they
 * are not invoked a second time; only trials with no activation on the server are run again.
 * Returns the trial lines adopted (already logged with their records).
 */
export async function adoptOrphans(run: Drive, missing: PlannedTrial[], actionOf: (trial: PlannedTrial) => string, claimed: Set<string>): Promise<TrialLine[]> {
  const since = Date.parse(run.header.started) - 5000;
  const answers: TrialAnswer[] = missing.map((trial) => ({
    line: {
      type: 'trial', trial: trial.trial, runtime: trial.runtime, concurrency: trial.concurrency, repetition: trial.repetition,
      index: trial.index, sent_at: 0, client_ms: null, http_status: null, activation_id: null, outcome: 'lost',
      action: actionOf(trial), planned_cold: run.experiment.spec.cold !== 'none', retries: 0, backoff_ms: 0,
    },
    record: null,
    unsettled: true,
    late: null,
  }));
  await settleAnswers(run.whisk, answers, claimed, { since, settleMs: Math.min(run.options.settleMs ?? 15000, 5000), prefer: 'newest', via: 'resume-lookup' });
  const adopted = answers.filter((answer) => answer.record);
  const lines: (TrialLine | { type: 'activation'; activation_id: string; record: OwRecord })[] = [];
  for (const answer of adopted) {
    const record = answer.record!;
    // The send time of an orphan is unknown; the controller's receipt (start − waitTime) stands in.
    answer.line.sent_at = Number(record.start) - (waitTimeOf(record) ?? 0);
    lines.push(answer.line, { type: 'activation', activation_id: record.activationId, record });
  }
  await run.writer.append(lines);
  return adopted.map((answer) => answer.line);
}

/**
 * Lost trials (the connection failed, and no activation was found then) are sent again only when
 * that cannot duplicate one: the trial's action was its own (cold: fresh-action) and the server now
 * lists no activation of it. One that it does list is adopted instead. Where the listing fails, or
 * the action is shared, nothing can be known and the trial stays lost. Returns the trials to run
 * again; the caller drops them from the replayed state, and their new line supersedes the lost one.
 */
export async function retryableLostTrials(run: Drive, state: RunLogState, claimed: Set<string>): Promise<string[]> {
  if (run.experiment.spec.cold !== 'fresh-action') return [];
  const lost = [...state.trials.values()].filter((line) => line.outcome === 'lost' && !line.activation_id);
  const since = Date.parse(run.header.started) - 5000;
  const retry: string[] = [];
  const lines: (TrialLine | { type: 'activation'; activation_id: string; record: OwRecord })[] = [];
  for (const line of lost) {
    const listed = (await listActivations(run.whisk, line.action, since)) ?? (await listActivations(run.whisk, line.action, since));
    if (listed === null) continue;
    const unclaimed = listed.filter((record) => !claimed.has(record.activationId));
    if (unclaimed.length === 0) {
      retry.push(line.trial);
      continue;
    }
    // It did run after all: the newest of its own activations is the trial's.
    const record = unclaimed.sort((a, b) => Number(b.start ?? 0) - Number(a.start ?? 0))[0]!;
    claimed.add(record.activationId);
    lines.push({ ...line, activation_id: record.activationId, outcome: outcomeOfRecord(record), via: 'resume-lookup' },
      { type: 'activation', activation_id: record.activationId, record });
  }
  await run.writer.append(lines);
  return retry;
}
