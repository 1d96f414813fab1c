// Which containers a request gets, as OpenWhisk's ContainerPool chooses: the warm container of
// the same action (the most recently used), else idle ones to evict, least recently used first.
// Pure: the pool (pool.ts) owns the containers and acts on the choice.
import type { PoolEntry } from './pool.js';

/** The idle container of `actionKey` used last, if any. */
export function warmFor(entries: Iterable<PoolEntry>, actionKey: string): PoolEntry | undefined {
  let best: PoolEntry | undefined;
  for (const entry of entries) {
    if (entry.busy || entry.actionKey !== actionKey) continue;
    if (!best || entry.lastUsed > best.lastUsed) best = entry;
  }
  return best;
}

/** Idle containers to remove, least recently used first, or null if they cannot free enough. */
export function victimsFor(entries: Iterable<PoolEntry>, neededMb: number): PoolEntry[] | null {
  const idle = [...entries].filter((e) => !e.busy).sort((a, b) => a.lastUsed - b.lastUsed);
  const victims: PoolEntry[] = [];
  let freed = 0;
  for (const entry of idle) {
    if (freed >= neededMb) break;
    victims.push(entry);
    freed += entry.memoryMb;
  }
  return freed >= neededMb ? victims : null;
}
