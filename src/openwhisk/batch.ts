// One batch: N trials of one runtime sent at once (or on an open-loop schedule), all awaited, the
// unknown fates settled, then the records fetched and logged. Two ways to log, by target:
// - a real deployment outlives the driver, so each trial is logged the moment it has an answer
//   and its record is fetched after the batch (a resumed run fetches what is missing);
// - the embedded server dies with the driver and its activation store with it, so a trial is
//   logged only together with its record, the whole batch in one write: a killed batch leaves
//   nothing behind and is simply run again on resume, and no logged trial ever lacks a record
//   that can no longer be fetched. (Persisting the store would keep records of invocations whose
//   trials were never logged, which resume could not tell apart from each other anyway.) Should a
//   kill ever split that one write, the reader drops the torn line and resume runs the batch's
//   remaining trials together.
import { arrivalOffsets, dispatch, preciseNow, type ArrivalProcess } from './arrivals.js';
import type { OwRecord, Whisk } from './client.js';
import type { PlannedTrial } from './plan.js';
import { fetchRecord } from './records.js';
import { settleAnswers } from './reconcile.js';
import type { ActivationLine, RunLogWriter, TrialLine } from './runlog.js';
import { runTrial, type TrialAnswer, type TrialSettings } from './trial.js';

export type LogPolicy = 'per-answer' | 'per-batch';

export interface BatchContext {
  whisk: Whisk;
  settings: TrialSettings;
  writer: RunLogWriter;
  logPolicy: LogPolicy;
  /** Every activation id this run knows of (trials and warm-ups): never adopted by a lookup. */
  claimed: Set<string>;
  settleMs: number;
  recordBudgetMs: number;
  /** Slack on the lookup window for clock skew between driver and server. */
  skewMs: number;
  /** Open loop: calls per second inside each batch, on a fixed or Poisson schedule (seeded). */
  arrivals?: { rate: number; process: ArrivalProcess; seed: number };
  onAnswer?: (line: TrialLine) => void;
}

export interface BatchResult {
  lines: TrialLine[];
  records: Map<string, OwRecord>;
}

export async function runBatch(context: BatchContext, trials: PlannedTrial[], actions: string[], plannedCold: boolean): Promise<BatchResult> {
  const started = Date.now();
  const send = async (position: number, plannedAt: number | null) => {
    const answer = await runTrial(context.settings, trials[position]!, actions[position]!, plannedCold, plannedAt);
    if (answer.line.activation_id) context.claimed.add(answer.line.activation_id);
    if (!answer.unsettled) await logAnswer(context, answer);
    return answer;
  };
  const arrivals = context.arrivals;
  const answers = arrivals
    ? await dispatch(preciseNow(), arrivalOffsets(trials.length, arrivals.rate, arrivals.process, arrivals.seed + seedOffset(trials[0]!)), send)
    : await Promise.all(trials.map((_, position) => send(position, null)));
  const unsettled = answers.filter((answer) => answer.unsettled);
  if (unsettled.length) {
    await settleAnswers(context.whisk, answers, context.claimed, {
      since: started - context.skewMs, settleMs: context.settleMs, prefer: 'oldest', via: 'lookup',
    });
    for (const answer of unsettled) await logAnswer(context, answer);
  }
  const records = await fetchRecords(context, answers);
  const activationLines: ActivationLine[] = [...records].map(([activation_id, record]) => ({ type: 'activation', activation_id, record }));
  const lines = answers.map((answer) => answer.line);
  await context.writer.append(context.logPolicy === 'per-batch' ? [...lines, ...activationLines] : activationLines);
  return { lines, records };
}

/** Each batch draws its own Poisson gaps: the seed moves on with the batch's place in the plan. */
function seedOffset(first: PlannedTrial): number {
  let hash = 0;
  for (const char of `${first.runtime}/${first.concurrency}/${first.repetition}`) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash >>> 0;
}

async function logAnswer(context: BatchContext, answer: TrialAnswer): Promise<void> {
  if (context.logPolicy === 'per-answer') await context.writer.append([answer.line]);
  context.onAnswer?.(answer.line);
}

/** The stored record of each answered trial (polling through store lag); the reply's copy if the store never shows it. */
async function fetchRecords(context: BatchContext, answers: TrialAnswer[]): Promise<Map<string, OwRecord>> {
  const records = new Map<string, OwRecord>();
  await Promise.all(
    answers.map(async (answer) => {
      const id = answer.line.activation_id;
      if (!id) return;
      const stored = await fetchRecord(context.whisk, id, context.recordBudgetMs);
      const record = stored ?? answer.record;
      if (record) records.set(id, record);
    }),
  );
  return records;
}
