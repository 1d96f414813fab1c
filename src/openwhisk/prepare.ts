// Making the next batch cold (or warm) by the experiment's method, before it is timed:
// fresh-action creates an action per trial; update bumps the shared action's version, so the
// platform will not reuse its containers; wait stays idle past the container expiry; none warms
// the containers up with unrecorded calls.
import { pollDelay, sleep } from './backoff.js';
import { deleteAction, invokeBlocking, putAction, type Whisk } from './client.js';
import type { ExperimentSpec } from './experiment.js';
import { CliError } from '../errors.js';
import { initTimeOf } from './records.js';

/** Warm-up rounds beyond the experiment's `warmup` while a round still starts a container. */
const EXTRA_WARMUP_ROUNDS = 5;

/** PUT with overwrite is idempotent, so a failed connection is simply tried again. */
export async function deploy(whisk: Whisk, name: string, body: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    if ((await putAction(whisk, name, body)) === 'ok') return;
    await sleep(pollDelay(attempt + 3));
  }
  throw new CliError(`deploying action ${name}: the server kept failing`, 1);
}

export interface Preparation {
  /** Warm-up activations (never trials), so lookups do not take them for lost trials. */
  warmupIds: string[];
}

export async function prepareBatch(
  whisk: Whisk,
  spec: ExperimentSpec,
  actions: string[],
  body: Record<string, unknown> | null,
  params: Record<string, unknown>,
  say: (message: string) => void,
): Promise<Preparation> {
  const distinct = [...new Set(actions)];
  switch (spec.cold) {
    case 'fresh-action':
    case 'update':
      if (body) await Promise.all(distinct.map((name) => deploy(whisk, name, body)));
      return { warmupIds: [] };
    case 'wait':
      say(`waiting ${Math.round(spec.coldWaitMs / 1000)} s for idle containers to expire`);
      await sleep(spec.coldWaitMs);
      return { warmupIds: [] };
    case 'none': {
      const warmupIds: string[] = [];
      // `warmup` rounds, then more while the last one still met a cold start: N calls at once can
      // be served by fewer than N containers (a fast call frees its container for the next), and
      // the batch, sent closer together, would then start the missing ones cold. Bounded.
      for (let round = 0; round < spec.warmup + EXTRA_WARMUP_ROUNDS; round++) {
        const answers = await Promise.all(actions.map((name) => invokeBlocking(whisk, name, params)));
        let cold = false;
        for (const answer of answers) {
          if (answer.kind === 'record') {
            warmupIds.push(answer.record.activationId);
            cold ||= initTimeOf(answer.record) !== null;
          }
          if (answer.kind === 'accepted') warmupIds.push(answer.activationId);
        }
        if (round + 1 >= spec.warmup && !cold) break;
      }
      return { warmupIds };
    }
  }
}

/** Fresh actions are removed once their records are in; activation records outlive their action. */
export async function cleanUp(whisk: Whisk, spec: ExperimentSpec, actions: string[]): Promise<void> {
  if (spec.cold === 'fresh-action') await Promise.all(actions.map((name) => deleteAction(whisk, name)));
}
