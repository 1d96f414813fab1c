// The two questions a pull asks a deployment, through the `openwhisk` client: one page of full
// records (`docs=true`) in a since/upto window, and how many records the window holds
// (`count=true`). Throttling (429), 5xx answers and dropped connections are retried with the
// driver's backoff; a host that never answered is "could not connect", at once.
import { CliError } from '../errors.js';
import { backoffDelay, sleep } from './backoff.js';
import { cleanMessage, serverMessage, type ClientError, type Whisk } from './client.js';
import type { RetryPolicy } from './experiment.js';
import { fetchMessages as msg } from './fetch-messages.js';

export interface PageQuery {
  name: string | null;
  since: number | null;
  upto: number;
  skip: number;
  limit: number;
}

export type CountQuery = Omit<PageQuery, 'skip' | 'limit'>;

/** Where a pull reads from: newest first by `start`, both bounds inclusive, as OpenWhisk lists. */
export interface ActivationSource {
  list(query: PageQuery): Promise<unknown[]>;
  count(query: CountQuery): Promise<number>;
}

/** The backoff `owbench run` uses for throttled invokes (experiment.ts defaults). */
export const FETCH_RETRY: RetryPolicy = { maxRetries: 8, baseMs: 250, capMs: 15_000, budgetMs: 120_000 };

/** needle's own timeouts: an unroutable host fails instead of hanging. */
const TIMEOUTS = { open_timeout: 15_000, response_timeout: 120_000 };

/** Gave up after the retry budget: the caller keeps what it has and says how to resume. */
export class SourceFailed extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'SourceFailed';
  }
}

export interface RemoteOptions {
  retry?: RetryPolicy;
  onRetry?(detail: string): void;
  random?: () => number;
}

export function remoteSource(whisk: Whisk, options: RemoteOptions = {}): ActivationSource {
  const host = printableHost(whisk.connection.apihost);
  let reached = false;
  const call = async <T>(request: () => Promise<T>): Promise<T> => {
    const policy = options.retry ?? FETCH_RETRY;
    let spent = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await request();
        reached = true;
        return answer;
      } catch (caught) {
        const error = caught as ClientError;
        const status = error.statusCode;
        const detail = status === undefined ? cleanMessage(error.message).replace(/^Unknown Error From API: /, '') : `HTTP ${status}: ${serverMessage(error)}`;
        if (status === undefined && !reached) throw new CliError(msg.couldNotConnect(host, detail), 2);
        if (status === 401 || status === 403) throw new CliError(msg.authRejected(host, status), 2);
        if (status !== undefined && status !== 429 && status < 500) throw new CliError(msg.serverRefused(host, status, serverMessage(error)), 2);
        const delay = backoffDelay(policy, attempt, spent, options.random);
        if (delay === null) throw new SourceFailed(detail);
        options.onRetry?.(detail);
        spent += delay;
        await sleep(delay);
      }
    }
  };
  const filters = (query: CountQuery) => ({
    ...(query.name !== null ? { name: query.name } : {}),
    ...(query.since !== null ? { since: query.since } : {}),
    upto: query.upto,
  });
  return {
    list: (query) =>
      call(async () => {
        const page = (await whisk.client.activations.list({ ...filters(query), skip: query.skip, limit: query.limit, docs: true, ...TIMEOUTS } as never)) as unknown;
        return Array.isArray(page) ? page : [];
      }),
    count: (query) =>
      call(async () => {
        const answer = (await whisk.client.activations.list({ ...filters(query), count: true, ...TIMEOUTS } as never)) as unknown;
        const count = (answer as { activations?: unknown } | null)?.activations;
        if (typeof count !== 'number') throw new CliError(msg.noCount(host), 2);
        return count;
      }),
  };
}

/** The API host as messages print it: never with userinfo, which could hold a key. */
export function printableHost(apihost: string): string {
  return apihost.replace(/\/\/[^/@\s]*@/, '//');
}
