// Sequences and conductor actions (issue 10): not runtimes, so in no group and never a baseline;
// reported apart per action with their end-to-end duration and number of components.
import type { ActivationStore } from '../table/store.js';
import type { Activation, CompositionFigures, Failures } from '../types.js';
import { FAILURE_STATUSES } from './columns.js';
import { max, mean, orNull } from './moments.js';
import { byCodeUnits } from './speedups.js';

export function compositionsOf(store: ActivationStore): CompositionFigures[] {
  const byAction = new Map<string, Activation[]>();
  const composition = store.labels.composition.codes;
  if (composition === null) return [];
  for (let i = 0; i < store.length; i++) {
    if (composition[i] === -1) continue;
    const row = store.rowAt(i);
    const key = `${row.composition}\u0000${row.action ?? ''}`;
    const list = byAction.get(key) ?? [];
    list.push(row);
    byAction.set(key, list);
  }
  return [...byAction.values()].map(figuresOf)
    .sort((a, b) => byCodeUnits(a.composition, b.composition) || byCodeUnits(a.action ?? '', b.action ?? ''));
}

/** Durations over the successful ones, as for runtime groups; failures counted by status. */
function figuresOf(rows: readonly Activation[]): CompositionFigures {
  const failures = Object.fromEntries(FAILURE_STATUSES.map((s) => [s, 0])) as Failures;
  const durations: number[] = [];
  const components: number[] = [];
  for (const row of rows) {
    if (row.status !== 'success') failures[row.status]++;
    else if (row.duration_ms !== null) durations.push(row.duration_ms);
    if (row.components != null) components.push(row.components);
  }
  const errors = FAILURE_STATUSES.reduce((sum, s) => sum + failures[s], 0);
  return {
    composition: rows[0].composition!,
    action: rows[0].action,
    count: rows.length - errors,
    errors,
    failures,
    avg_duration: orNull(mean(Float64Array.from(durations))),
    max_duration: orNull(max(Float64Array.from(durations))),
    avg_components: orNull(mean(Float64Array.from(components))),
  };
}
