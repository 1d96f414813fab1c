// Paging through a since/upto window newest first, by moving `upto` down rather than by `skip`:
// records that arrive while we page (newer starts) are outside the window and shift nothing.
// The next page's `upto` is the oldest `start` of the page just read, inclusive, so activations
// sharing that millisecond are listed again (the caller drops ids it already holds) and none is
// lost at a page boundary. A page that is one millisecond throughout is paged by `skip` within
// that millisecond only, then the walk goes on below it.
import { CliError } from '../errors.js';
import { isRecord, type OwRecord } from './client.js';
import { fetchMessages as msg } from './fetch-messages.js';
import type { ActivationSource } from './fetch-source.js';
import type { FetchWindow } from './fetch-window.js';

/** OpenWhisk's largest page (`max-list-limit`). */
export const PAGE_SIZE = 200;

export type Listed = OwRecord & { start: number };

export interface WalkOptions {
  /** Start below this `start` (inclusive) instead of `window.upto`: a resumed pull's oldest record. */
  from?: number;
  pageSize?: number;
  /** For messages. */
  host?: string;
}

export async function* walkWindow(source: ActivationSource, window: FetchWindow, options: WalkOptions = {}): AsyncGenerator<Listed[]> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const host = options.host ?? 'the server';
  const lowest = window.since ?? 0;
  let cursor = Math.min(options.from ?? window.upto, window.upto);
  while (cursor >= lowest) {
    const query = { name: window.name, since: window.since, upto: cursor };
    const page = checkedPage(await source.list({ ...query, skip: 0, limit: pageSize }), lowest, cursor, host);
    yield page;
    if (page.length < pageSize) return;
    const oldest = Math.min(...page.map((record) => record.start));
    if (oldest < cursor) {
      cursor = oldest;
      continue;
    }
    // A full page within one millisecond: skip through that millisecond alone.
    for (let skip = pageSize; ; skip += pageSize) {
      const more = checkedPage(await source.list({ ...query, since: cursor, skip, limit: pageSize }), cursor, cursor, host);
      yield more;
      if (more.length < pageSize) break;
    }
    cursor -= 1;
  }
}

/** Full records inside the bounds asked for; anything else means the server cannot be paged this way. */
function checkedPage(items: unknown[], since: number, upto: number, host: string): Listed[] {
  return items.map((item) => {
    if (!isRecord(item) || typeof item.start !== 'number') throw new CliError(msg.notFullRecords(host), 1);
    if (item.start < since || item.start > upto) throw new CliError(msg.outsideWindow(host, item.activationId), 1);
    return item as Listed;
  });
}
