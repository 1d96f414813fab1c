// Format 4's unit: one pre-aggregated row {concurrency, count, avg_init, max_wait, avg_duration,
// avg_total}, "N/A" (or None/null) where the authors had no value. Validated with zod: few rows,
// and its paths name the field.
import { z } from 'zod';
import type { AggregateRow } from '../types.js';
import * as msg from './messages.js';
import { RecordProblem } from './problem.js';

// zod refuses NaN as a number; the catalog calls it what it is (Python's nan).
const notANumber = (input: unknown) => (typeof input === 'number' ? msg.expectedFinite(input) : msg.expectedNumber(input));

const figure = z.union([z.number(), z.literal('N/A'), z.null()], { error: (issue) => notANumber(issue.input) })
  .refine((v) => v === null || v === 'N/A' || Number.isFinite(v), { error: (issue) => msg.expectedFinite(issue.input) })
  .refine((v) => typeof v !== 'number' || v >= 0, { error: (issue) => msg.negativeTime(issue.input as number) })
  .optional();

const aggregateSchema = z.object({
  runtime: z.string({ error: (issue) => msg.expectedString(issue.input) }).optional(),
  kind: z.string({ error: (issue) => msg.expectedString(issue.input) }).optional(),
  concurrency: z.number({ error: (issue) => msg.badConcurrency(issue.input) }).int().min(1),
  count: z.number({ error: (issue) => msg.badCount(issue.input) }).int().min(0),
  avg_init: figure,
  max_wait: figure,
  avg_duration: figure,
  avg_total: figure,
}, { error: (issue) => msg.expectedObject('an aggregate row', issue.input) });

export function looksAggregate(value: Record<string, unknown>): boolean {
  return 'concurrency' in value && 'count' in value && ('avg_total' in value || 'avg_duration' in value);
}

/** `runtime` is the label the file (or --runtime) gives when the row carries none. */
export function aggregateRow(value: unknown, runtime: string | undefined, override: string | undefined, source: number): AggregateRow {
  const parsed = aggregateSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    let problem = issue.message;
    // zod's own int/min messages: say it in the catalog's words.
    if (issue.path[0] === 'concurrency') problem = msg.badConcurrency(issue.input);
    else if (issue.path[0] === 'count') problem = msg.badCount(issue.input);
    throw new RecordProblem(issue.path.map(String).join('.'), problem);
  }
  const row = parsed.data;
  const label = override ?? row.runtime ?? row.kind ?? runtime;
  if (label === undefined) throw new RecordProblem('', msg.noRuntime());
  return {
    runtime: label,
    concurrency: row.concurrency,
    count: row.count,
    avg_init: figureOf(row.avg_init),
    max_wait: figureOf(row.max_wait),
    avg_duration: figureOf(row.avg_duration),
    avg_total: figureOf(row.avg_total),
    source,
  };
}

function figureOf(value: number | 'N/A' | null | undefined): number | null {
  return typeof value === 'number' ? value : null;
}
