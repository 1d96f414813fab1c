// What a pull covers: an action name filter and an inclusive window on `start` (epoch ms), as
// OpenWhisk's `GET /activations` takes them. `upto` is fixed when a pull begins, so activations
// started later (a store that keeps growing) are outside the window and never shift a page.
import { UsageError } from '../errors.js';
import { fetchMessages as msg } from './fetch-messages.js';

export interface FetchWindow {
  /** `ACTION` or `PACKAGE/ACTION`, as OpenWhisk's `name` filter takes it; null for every action. */
  name: string | null;
  /** Inclusive lower bound on `start`; null for no bound. */
  since: number | null;
  /** Inclusive upper bound on `start`. */
  upto: number;
}

export type Instant = number | string | Date;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch ms, a digit string of epoch ms, an ISO 8601 date or time, or a Date. */
export function parseInstant(value: Instant, flag: string): number {
  if (value instanceof Date) value = value.getTime();
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new UsageError(msg.badInstant(flag, String(value)));
  }
  const text = value.trim();
  if (/^\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  // A date without a zone is read as UTC, so that a window means the same on every machine.
  const zoned = /T\d{2}:\d{2}/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = ISO_8601.test(text) ? Date.parse(zoned) : NaN;
  if (!Number.isFinite(ms) || ms < 0) throw new UsageError(msg.badInstant(flag, value));
  return ms;
}

/** OpenWhisk's rule: a simple name or package/name (at most two segments, none empty). */
export function checkActionName(name: string): string {
  if (!/^[^/\s]+(\/[^/\s]+)?$/.test(name)) throw new UsageError(msg.badName(name));
  return name;
}

/** A new pull's window. `upto` is at most `now`: activations that start later are not in it. */
export function resolveWindow(input: { name?: string; since?: Instant; upto?: Instant }, now: number): FetchWindow {
  const name = input.name === undefined ? null : checkActionName(input.name);
  const since = input.since === undefined ? null : parseInstant(input.since, '--since');
  const upto = input.upto === undefined ? now : Math.min(parseInstant(input.upto, '--upto'), now);
  if (since !== null && since > upto) throw new UsageError(msg.emptyWindow(since, upto));
  return { name, since, upto };
}

export function describeWindow(window: FetchWindow): string {
  const since = window.since === null ? '' : `${new Date(window.since).toISOString()} `;
  return `started ${since}… ${new Date(window.upto).toISOString()}${window.name ? `, action ${window.name}` : ''}`;
}
