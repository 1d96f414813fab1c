// The last step of a pull: make sure the file holds the whole window. OpenWhisk stores a record
// when its activation ends (and its store may lag further), so a record can appear in a part of
// the window the walk has already passed. After a settle time past `upto`, the window's count
// (`count=true`) is compared with the file's; where the server holds more, the smallest recent
// span that holds the difference is walked again (ids already held are dropped).
import { sleep } from './backoff.js';
import type { PartialFile } from './fetch-file.js';
import type { ActivationSource } from './fetch-source.js';
import { walkWindow } from './fetch-walk.js';
import type { FetchWindow } from './fetch-window.js';

/** How long after `upto` a record may still appear and be waited for (the CLI's --settle default). */
export const SETTLE_MS = 2000;
const ROUNDS = 4;

export interface CheckResult {
  /** Records the walk had missed and the check added. */
  found: number;
  /** What the server counted in the window at the last check. */
  serverCount: number;
}

export async function completeWindow(source: ActivationSource, window: FetchWindow, partial: PartialFile, options: { settleMs: number; cap: number; host: string }): Promise<CheckResult> {
  const wait = window.upto + options.settleMs - Date.now();
  if (wait > 0) await sleep(wait);
  let found = 0;
  for (let round = 0; ; round++) {
    const serverCount = await source.count(window);
    const missing = serverCount - partial.size;
    if (missing <= 0 || round === ROUNDS || partial.size >= options.cap) return { found, serverCount };
    const since = await spanHolding(source, window, partial, missing);
    for await (const page of walkWindow(source, { ...window, since }, { host: options.host })) {
      const fresh = page.filter((record) => !partial.has(record.activationId));
      found += await partial.append(fresh.slice(0, options.cap - partial.size));
    }
  }
}

/** The latest `since` whose span [since, upto] holds all `missing` records (null: the whole window). */
async function spanHolding(source: ActivationSource, window: FetchWindow, partial: PartialFile, missing: number): Promise<number | null> {
  for (let width = 1000; ; width *= 4) {
    const since = window.upto - width;
    if (since <= (window.since ?? 0)) return window.since;
    const there = await source.count({ ...window, since });
    if (there - partial.countFrom(since) >= missing) return since;
  }
}
