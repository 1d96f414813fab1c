// Format 5: the run log `owbench run` writes (DESIGN.md §2.4). Rows come from trial lines joined
// with their activation records: runtime, concurrency, repetition and client_ms from the trial,
// timings from the record. A trial the platform never answered keeps its outcome as the status.
import { z } from 'zod';
import type { Activation, Status } from '../types.js';
import * as msg from './messages.js';
import { activationRow } from './activation.js';
import { isObject } from './fields.js';
import { fail, RecordProblem, rejectRecord, type FileContext } from './problem.js';
import { ndjsonLines, parseNdjsonLine } from './records.js';

const count = (what: string) => z.number({ error: (issue) => msg.expectedNumber(issue.input) })
  .int({ error: (issue) => `expected ${what} that is a whole number, got ${msg.show(issue.input)}` });

const trialSchema = z.object({
  type: z.literal('trial'),
  trial: z.string({ error: (issue) => msg.expectedString(issue.input) }),
  runtime: z.string({ error: (issue) => msg.expectedString(issue.input) }),
  concurrency: count('a concurrency').min(1, { error: (issue) => msg.badConcurrency(issue.input) }),
  repetition: count('a repetition').min(0, { error: (issue) => msg.badCount(issue.input) }),
  client_ms: z.number({ error: (issue) => msg.expectedNumber(issue.input) })
    .min(0, { error: (issue) => msg.negativeTime(issue.input as number) }).nullable().optional(),
  activation_id: z.string({ error: (issue) => msg.expectedString(issue.input) }).nullable().optional(),
  outcome: z.enum(['ok', 'error', 'throttled', 'timeout', 'lost'], {
    error: (issue) => `expected an outcome, one of "ok", "error", "throttled", "timeout", "lost", got ${msg.show(issue.input)}`,
  }),
});

type Trial = z.infer<typeof trialSchema>;

/** A driver outcome without a record: OpenWhisk never gave one, so the outcome is the status. */
const OUTCOME_STATUS: Record<Exclude<Trial['outcome'], 'ok'>, Status> = {
  throttled: 'throttled',
  timeout: 'timeout',
  lost: 'lost',
  // The invoke failed without an activation: the platform's error, not the action's.
  error: 'whisk internal error',
};

export function runLogRows(text: string, ctx: FileContext, out: Activation[]): void {
  const trials: Array<{ trial: Trial; line: number }> = [];
  const trialAt = new Map<string, number>();
  const records = new Map<string, { record: unknown; line: number }>();
  let functions = new Map<string, string>();
  let first = true;
  const lastLine = text.trimEnd().split('\n').length;
  // A killed driver leaves at worst one torn last line, without its newline (DESIGN.md §2.4).
  const mayBeTorn = !text.endsWith('\n');
  for (const [line, content] of ndjsonLines(text)) {
    let value: unknown;
    try {
      value = parseNdjsonLine(content);
      if (!isObject(value)) throw new RecordProblem('', msg.expectedObject('a run log line', value));
    } catch (error) {
      if (first && error instanceof RecordProblem) fail(ctx, `line ${line}`, error.problem);
      if (mayBeTorn && line === lastLine && error instanceof RecordProblem) {
        ctx.warnings.push(`${ctx.file}: line ${line}: ${msg.tornLastLine()}`);
        continue;
      }
      rejectRecord(ctx, `line ${line}`, error);
      continue;
    }
    if (first) {
      if (value.type !== 'run') fail(ctx, `line ${line}`, msg.runLogFirstLine());
      if (value.version !== 1) fail(ctx, `line ${line}, version`, msg.runLogVersion(value.version));
      functions = functionsOf(value);
      first = false;
    } else if (value.type === 'trial') {
      const parsed = trialSchema.safeParse(value, { reportInput: true });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        rejectRecord(ctx, `line ${line}`, new RecordProblem(issue.path.map(String).join('.'), issue.message));
        continue;
      }
      const earlier = trialAt.get(parsed.data.trial);
      if (earlier !== undefined) {
        // A resumed run sends a lost trial again when that is safe: the later line supersedes it.
        if (trials[earlier].trial.outcome !== 'lost') fail(ctx, `line ${line}, trial`, msg.duplicateTrial(parsed.data.trial));
        trials[earlier] = { trial: parsed.data, line };
        continue;
      }
      trialAt.set(parsed.data.trial, trials.length);
      trials.push({ trial: parsed.data, line });
    } else if (value.type === 'activation') {
      if (typeof value.activation_id !== 'string') {
        rejectRecord(ctx, `line ${line}`, new RecordProblem('activation_id', msg.expectedString(value.activation_id)));
        continue;
      }
      records.set(value.activation_id, { record: value.record, line });
    } else {
      rejectRecord(ctx, `line ${line}`, new RecordProblem('type', msg.runLogLineType(value.type)));
    }
  }
  for (const { trial, line } of trials) {
    const fetched = trial.activation_id ? records.get(trial.activation_id) : undefined;
    if (fetched) {
      try {
        out.push(activationRow(fetched.record, ctx, {
          function: functions.get(trial.runtime) ?? null,
          concurrency: trial.concurrency,
          repetition: trial.repetition,
          runtime: trial.runtime,
          client_ms: trial.client_ms ?? null,
        }));
      } catch (error) {
        const problem = error instanceof RecordProblem ? new RecordProblem(error.field ? `record.${error.field}` : 'record', error.problem) : error;
        rejectRecord(ctx, `line ${fetched.line}`, problem);
      }
    } else if (trial.outcome === 'ok') {
      ctx.warnings.push(`${ctx.file}: line ${line}: ${msg.trialWithoutRecord(trial.trial)}`);
    } else {
      out.push(unansweredRow(trial, functions.get(trial.runtime) ?? null, ctx));
    }
  }
}

function unansweredRow(trial: Trial, fn: string | null, ctx: FileContext): Activation {
  return {
    runtime: ctx.runtime ?? trial.runtime, kind: null, action: null, memory_mb: null, function: fn,
    concurrency: trial.concurrency, repetition: trial.repetition, activation_id: trial.activation_id ?? null,
    start: null, end: null, wait_ms: null, init_ms: null, duration_ms: null, exec_ms: null, total_ms: null,
    client_ms: trial.client_ms ?? null, cold: false,
    status: OUTCOME_STATUS[trial.outcome as Exclude<Trial['outcome'], 'ok'>],
    label: null, confidence: null, composition: null, caused_by: null, components: null, source: ctx.source,
  };
}

/**
 * Each runtime's function, as its experiment names it: the runtime's own `function` where the
 * spec gives one, else the experiment's name (its runtimes deploy one workload, compared).
 */
function functionsOf(run: Record<string, unknown>): Map<string, string> {
  const functions = new Map<string, string>();
  const experiment = isObject(run.experiment) ? run.experiment : {};
  const name = typeof experiment.name === 'string' ? experiment.name : null;
  for (const runtime of Array.isArray(experiment.runtimes) ? experiment.runtimes : []) {
    if (!isObject(runtime) || typeof runtime.name !== 'string') continue;
    const fn = typeof runtime.function === 'string' ? runtime.function : name;
    if (fn !== null) functions.set(runtime.name, fn);
  }
  return functions;
}
