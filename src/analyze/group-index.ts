// Finding a row's group among the groups seen so far (columns.ts), by the key fields themselves.
import type { Activation } from '../types.js';
import type { GroupKey } from './columns.js';

/**
 * A row's group by its key fields, without a key string per row (building and hashing one was
 * most of the grouping's time on a million rows): runtime, then level, then the few groups there
 * compared field by field.
 */
export class GroupIndex {
  private readonly byRuntime = new Map<string, Map<number | null, Array<{ key: KeyFields; group: number }>>>();
  private readonly scratch: KeyFields = { function: null, action: null, memory: null, repetition: null };

  constructor(private readonly keys: ReadonlySet<GroupKey>) {}

  find(row: Activation): number {
    const candidates = this.byRuntime.get(row.runtime)?.get(this.keys.has('concurrency') ? row.concurrency : null);
    if (candidates === undefined) return -1;
    const key = this.fieldsOf(row, this.scratch);
    for (const c of candidates) {
      if (c.key.function === key.function && c.key.action === key.action && c.key.memory === key.memory && c.key.repetition === key.repetition) return c.group;
    }
    return -1;
  }

  add(row: Activation, group: number): void {
    let byLevel = this.byRuntime.get(row.runtime);
    if (byLevel === undefined) this.byRuntime.set(row.runtime, (byLevel = new Map()));
    const level = this.keys.has('concurrency') ? row.concurrency : null;
    let candidates = byLevel.get(level);
    if (candidates === undefined) byLevel.set(level, (candidates = []));
    candidates.push({ key: this.fieldsOf(row, { function: null, action: null, memory: null, repetition: null }), group });
  }

  private fieldsOf(row: Activation, out: KeyFields): KeyFields {
    out.function = this.keys.has('function') ? row.function : null;
    out.action = this.keys.has('action') ? row.action : null;
    out.memory = this.keys.has('memory') ? row.memory_mb : null;
    out.repetition = this.keys.has('repetition') ? row.repetition : null;
    return out;
  }
}

interface KeyFields {
  function: string | null;
  action: string | null;
  memory: number | null;
  repetition: number | null;
}
