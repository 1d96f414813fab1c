// `analyze --by KEYS`: which keys make a group. A group is always at least one deployed function
// in one configuration (runtime, function, memory, concurrency), so that two functions or memory
// sizes are never pooled; the keys given add to those (repetition), and `action` replaces
// `function` (the exact action names, one group per numbered copy).
import { UsageError } from '../errors.js';
import type { GroupFigures } from '../types.js';
import { GROUP_KEYS_DEFAULT, type GroupColumns, type GroupKey } from './columns.js';
import * as msg from './messages.js';
import { configurationName } from './names.js';
import { byCodeUnits } from './speedups.js';

export const GROUP_KEYS: readonly GroupKey[] = ['runtime', 'function', 'action', 'memory', 'concurrency', 'repetition'];

/** "repetition" or "action,repetition" or a list; the default keys are always in. */
export function groupKeysOf(by: string | readonly GroupKey[] | undefined): GroupKey[] {
  const given = by === undefined ? [] : typeof by === 'string' ? by.split(',').map((k) => k.trim()).filter(Boolean) : [...by];
  for (const key of given) {
    if (!(GROUP_KEYS as readonly string[]).includes(key)) throw new UsageError(msg.unknownGroupKey(key, GROUP_KEYS));
  }
  const keys = new Set<GroupKey>([...GROUP_KEYS_DEFAULT, ...(given as GroupKey[])]);
  if (keys.has('action')) keys.delete('function');
  return GROUP_KEYS.filter((k) => keys.has(k));
}

export function isDefaultKeys(keys: readonly GroupKey[]): boolean {
  return keys.length === GROUP_KEYS_DEFAULT.length && GROUP_KEYS_DEFAULT.every((k) => keys.includes(k));
}

/** Runtimes whose rows hold more than one (function, memory): their configurations, named. */
export function severalConfigurations(levels: ReadonlyArray<Pick<GroupColumns, 'runtime' | 'function' | 'memory_mb'>>): Map<string, string[]> {
  const configurations = new Map<string, Set<string>>();
  for (const g of levels) {
    const set = configurations.get(g.runtime) ?? new Set<string>();
    set.add(configurationName(g));
    configurations.set(g.runtime, set);
  }
  return new Map([...configurations].filter(([, set]) => set.size > 1).map(([runtime, set]) => [runtime, [...set]]));
}

/** Runtime, function, memory, concurrency (not recorded first), action, repetition. */
export function groupOrder(a: GroupFigures, b: GroupFigures): number {
  return byCodeUnits(a.runtime, b.runtime) || byCodeUnits(a.function ?? '', b.function ?? '') ||
    (a.memory_mb ?? -Infinity) - (b.memory_mb ?? -Infinity) || orderOf(a.concurrency) - orderOf(b.concurrency) ||
    byCodeUnits(a.action ?? '', b.action ?? '') || orderOf(a.repetition) - orderOf(b.repetition) || 0;
}

function orderOf(value: number | null | undefined): number {
  return value ?? -Infinity;
}
