// Which document kind fits the data, when the user names none (DESIGN.md §2.6):
//   pair  — exactly two activations, of two different runtimes, and no aggregate rows;
//   warm  — no cold start anywhere: no activation with init, no aggregate row with avg_init;
//   sweep — everything else (several levels, several activations per runtime, aggregates); with
//           one level, its text speaks of that level only (the reason says so).
// A named template is checked against what it needs (pair: two activations; warm: no cold start), so a mismatch is a usage error, not a
// document with holes.
import { UsageError } from '../errors.js';
import type { Table } from '../types.js';
import type { TemplateName } from './model.js';

export interface TemplateChoice {
  template: TemplateName;
  reason: string;
}

export function chooseTemplate(table: Table, named?: TemplateName): TemplateChoice {
  if (named !== undefined) {
    if (named === 'pair' && !isPair(table)) throw new UsageError(notAPair(table));
    if (named === 'warm' && hasColdStart(table)) throw new UsageError(warmOnCold(table));
    return { template: named, reason: 'named by the user' };
  }
  if (isPair(table)) return { template: 'pair', reason: 'exactly two activations of two runtimes' };
  if (!hasColdStart(table)) return { template: 'warm', reason: 'no cold activations: no init time anywhere' };
  const levels = levelsOf(table);
  if (levels.length === 1) {
    return { template: 'sweep', reason: `cold starts at one concurrency level (${levels[0]}): the sweep text written for a single level, which makes no claim across levels` };
  }
  return { template: 'sweep', reason: 'cold starts across runtimes and concurrency levels' };
}

export function isPair(table: Table): boolean {
  const rows = table.activations;
  return table.aggregates.length === 0 && rows.length === 2 && rows[0].runtime !== rows[1].runtime;
}

/** The recorded concurrency levels, ascending. */
export function levelsOf(table: Table): number[] {
  const levels = new Set<number>();
  for (const row of table.activations) if (row.concurrency !== null && row.composition == null) levels.add(row.concurrency);
  for (const row of table.aggregates) if (row.concurrency !== null) levels.add(row.concurrency);
  return [...levels].sort((a, b) => a - b);
}

export function hasColdStart(table: Table): boolean {
  return table.activations.some((row) => row.cold) || table.aggregates.some((row) => row.avg_init !== null);
}

/** The warm document describes prewarmed runs; on cold starts its every sentence would be false. */
function warmOnCold(table: Table): string {
  const cold = table.activations.filter((row) => row.cold).length;
  const rows = table.aggregates.filter((row) => row.avg_init !== null).length;
  return (
    `the warm template describes runs with no cold start; the data has ${cold} cold activation(s)` +
    `${rows > 0 ? ` and ${rows} aggregate row(s) with an init time` : ''}: use --template sweep`
  );
}

function notAPair(table: Table): string {
  const runtimes = new Set([...table.activations.map((r) => r.runtime), ...table.aggregates.map((r) => r.runtime)]);
  return (
    `the pair template needs exactly two activations of two different runtimes; the data has ` +
    `${table.activations.length} activation(s), ${table.aggregates.length} aggregate row(s) and ` +
    `${runtimes.size} runtime(s): use --template sweep or warm`
  );
}
