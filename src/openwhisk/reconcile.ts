// Settling invocations whose fate the driver does not know (a dropped connection, a reply that
// did not come in time). They are never sent again blindly: the driver lists the action's
// activations, removes every id it already holds, and adopts what is left. What stays unfound is
// recorded as lost (or timeout), which is the truth as far as the platform can tell.
import type { OwRecord, Whisk } from './client.js';
import { findUnclaimed, outcomeOfRecord } from './records.js';
import type { TrialAnswer } from './trial.js';

export interface SettleOptions {
  /** Activations starting before this are not candidates (epoch ms, with slack for clock skew). */
  since: number;
  /** How long to keep looking while the store lags. */
  settleMs: number;
  /** Which candidates to adopt when more are found than wanted: a live batch's own are the
   * oldest unclaimed; after a kill, unlogged warm-up calls precede the batch, so the newest. */
  prefer: 'oldest' | 'newest';
  via: 'lookup' | 'resume-lookup';
}

/** Fills in activation ids and records of unsettled answers in place; `claimed` grows with them. */
export async function settleAnswers(whisk: Whisk, answers: TrialAnswer[], claimed: Set<string>, options: SettleOptions): Promise<void> {
  for (const answer of answers) {
    if (!answer.unsettled || !answer.late) continue;
    const late = await Promise.race([answer.late, Promise.resolve(null)]);
    if (late?.kind === 'record') adopt(answer, late.record, claimed, 'lookup');
    else if (late?.kind === 'accepted') {
      answer.line.activation_id = late.activationId;
      answer.unsettled = false;
      claimed.add(late.activationId);
    }
  }
  const byAction = new Map<string, TrialAnswer[]>();
  for (const answer of answers) {
    if (!answer.unsettled) continue;
    byAction.set(answer.line.action, [...(byAction.get(answer.line.action) ?? []), answer]);
  }
  await Promise.all(
    [...byAction].map(async ([action, waiting]) => {
      const found = await findUnclaimed(whisk, action, options.since, claimed, waiting.length, options.settleMs);
      const chosen = options.prefer === 'oldest' ? found.slice(0, waiting.length) : found.slice(-waiting.length);
      waiting.forEach((answer, position) => {
        const record = chosen[position];
        if (record) adopt(answer, record, claimed, options.via);
        answer.unsettled = false;
      });
    }),
  );
}

function adopt(answer: TrialAnswer, record: OwRecord, claimed: Set<string>, via: 'lookup' | 'resume-lookup'): void {
  answer.record = record;
  answer.unsettled = false;
  answer.line.activation_id = record.activationId;
  answer.line.via = via;
  // A reply that came too late stays a timeout; a lost reply takes the activation's own outcome.
  if (answer.line.outcome !== 'timeout') answer.line.outcome = outcomeOfRecord(record);
  claimed.add(record.activationId);
}
