// Format 3: activation records grouped by concurrency level, as the peer's scripts wrote them:
// [{"no_concurrent_requests": N, "responses": [record, ...]}]. Repeated entries of one level are
// its repetitions (the peer's prewarmed files: five entries of concurrency 1 → repetitions 0..4).
import type { Activation } from '../types.js';
import * as msg from './messages.js';
import { activationRow } from './activation.js';
import { isObject, requireConcurrency } from './fields.js';
import { fail, RecordProblem, rejectRecord, type FileContext } from './problem.js';

export function looksGrouped(value: Record<string, unknown>): boolean {
  return 'no_concurrent_requests' in value;
}

export function groupedRows(groups: unknown[], ctx: FileContext, out: Activation[]): void {
  const seen = new Map<number, number>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!isObject(group)) fail(ctx, `[${g}]`, msg.expectedObject('a group {"no_concurrent_requests": N, "responses": [...]}', group));
    let concurrency: number;
    try {
      concurrency = requireConcurrency(group.no_concurrent_requests, 'no_concurrent_requests');
    } catch (error) {
      if (error instanceof RecordProblem) fail(ctx, `[${g}].${error.field}`, error.problem);
      throw error;
    }
    const responses = group.responses;
    if (!Array.isArray(responses)) fail(ctx, `[${g}].responses`, msg.expectedArray('the responses', responses));
    const repetition = seen.get(concurrency) ?? 0;
    seen.set(concurrency, repetition + 1);
    for (let i = 0; i < responses.length; i++) {
      try {
        out.push(activationRow(responses[i], ctx, { concurrency, repetition }));
      } catch (error) {
        rejectRecord(ctx, `[${g}].responses[${i}]`, error);
      }
    }
  }
}
