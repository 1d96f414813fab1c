// Format 4, JSON form: an array of aggregate rows, as the peer's average_*.json files.
import type { AggregateRow } from '../types.js';
import { aggregateRow } from './aggregate.js';
import { rejectRecord, type FileContext } from './problem.js';

export { looksAggregate } from './aggregate.js';

export function aggregateJsonRows(rows: unknown[], ctx: FileContext, out: AggregateRow[]): void {
  for (let i = 0; i < rows.length; i++) {
    try {
      out.push(aggregateRow(rows[i], undefined, ctx.runtime, ctx.source));
    } catch (error) {
      rejectRecord(ctx, `[${i}]`, error);
    }
  }
}
