// `fetch`: pull a deployment's activation records into an NDJSON file that owbench reads like any
// other input. The walk (fetch-walk.ts) pages newest first by moving `upto`; each page goes to
// <out>.partial before the next is asked for (fetch-file.ts); a final check (fetch-check.ts)
// adds records stored late; then <out> replaces itself atomically. An interrupted pull resumes
// from its .partial file, and the key is never written anywhere.
import { existsSync } from 'node:fs';
import { CliError, UsageError } from '../errors.js';
import { connect } from './client.js';
import type { Connection } from './connection.js';
import type { RetryPolicy } from './experiment.js';
import { completeWindow, SETTLE_MS } from './fetch-check.js';
import { PartialFile, partialPathFor, PARTIAL_SUFFIX, type FetchHeader } from './fetch-file.js';
import { fetchMessages as msg } from './fetch-messages.js';
import { silentFetchProgress, type FetchProgress } from './fetch-progress.js';
import { printableHost, remoteSource, SourceFailed, type ActivationSource } from './fetch-source.js';
import { walkWindow } from './fetch-walk.js';
import { checkActionName, parseInstant, resolveWindow, type FetchWindow, type Instant } from './fetch-window.js';

export interface FetchOptions {
  connection: Connection;
  /** The NDJSON file to write; with `resume`, defaults to the partial file's name without `.partial`. */
  out?: string;
  /** The `.partial` file of an interrupted pull. */
  resume?: string;
  name?: string;
  since?: Instant;
  /** Default: the time the pull starts. */
  upto?: Instant;
  /** At most this many activations, the newest first. */
  limit?: number;
  /** How long after `upto` records may still be stored (see fetch-check.ts). */
  settleMs?: number;
  retry?: RetryPolicy;
  progress?: FetchProgress;
  /** Called once each page is on disk, with the number of records held (tests interrupt here). */
  onPage?(held: number): void | Promise<void>;
}

export interface FetchSummary {
  out: string;
  apihost: string;
  namespace: string;
  window: FetchWindow;
  /** Records in `out`. */
  activations: number;
  /** Of them, those the interrupted pull had already fetched. */
  resumed: number;
  /** Of them, those the final check found (stored after the walk had passed their start). */
  foundByCheck: number;
  /** The window's count on the server at the end, or null when --limit ended the pull. */
  serverCount: number | null;
  limited: boolean;
  retries: number;
  durationMs: number;
}

export async function pullActivations(options: FetchOptions): Promise<FetchSummary> {
  const began = Date.now();
  const { out, partialFile } = filesOf(options);
  const limit = checkedLimit(options.limit);
  const settleMs = options.settleMs ?? SETTLE_MS;
  if (!Number.isSafeInteger(settleMs) || settleMs < 0) throw new UsageError(msg.badSettle(String(options.settleMs)));
  const host = printableHost(options.connection.apihost);
  const resumed = options.resume ? await PartialFile.resume(options.resume) : null;
  if (resumed) await checkResumable(resumed.header, options, host).catch(async (error: unknown) => {
    await resumed.close();
    throw error;
  });
  const window = resumed ? windowOf(resumed.header) : resolveWindow(options, began);
  const cap = (resumed ? resumed.header.limit : limit) ?? Infinity;
  let retries = 0;
  const source = remoteSource(connect(options.connection), { retry: options.retry, onRetry: () => (retries += 1) });
  const progress = options.progress ?? silentFetchProgress;
  // The first request is also the connection check: nothing is written before the host answers.
  const total = await source.count(window).catch(async (error: unknown) => {
    await resumed?.close();
    throw error instanceof SourceFailed ? new CliError(msg.couldNotConnect(host, error.detail), 2) : error;
  });
  const partial = resumed ?? (await PartialFile.create(partialFile, headerOf(options.connection, host, window, limit)));
  const held = partial.size;
  try {
    progress.start(Math.min(total, cap), held);
    const limited = partial.size >= cap || (await walk(source, window, partial, { cap, host, progress, total, onPage: options.onPage }));
    const check = limited ? null : await completeWindow(source, window, partial, { settleMs, cap, host });
    progress.update(partial.size, Math.max(total, partial.size));
    progress.stop();
    await partial.finish(out);
    return {
      out,
      apihost: host,
      namespace: options.connection.namespace,
      window,
      activations: partial.size,
      resumed: held,
      foundByCheck: check?.found ?? 0,
      serverCount: check?.serverCount ?? null,
      limited,
      retries,
      durationMs: Date.now() - began,
    };
  } catch (error) {
    progress.stop();
    await partial.close().catch(() => undefined);
    if (error instanceof SourceFailed) throw new CliError(msg.serverKeptFailing(host, error.detail, partial.file), 1);
    throw error;
  }
}

/** Pages until the window is exhausted (false) or the cap is reached (true). */
async function walk(source: ActivationSource, window: FetchWindow, partial: PartialFile, context: { cap: number; host: string; progress: FetchProgress; total: number; onPage?: FetchOptions['onPage'] }): Promise<boolean> {
  for await (const page of walkWindow(source, window, { from: partial.oldestStart() ?? window.upto, host: context.host })) {
    const fresh = page.filter((record) => !partial.has(record.activationId));
    await partial.append(fresh.slice(0, context.cap - partial.size));
    context.progress.update(partial.size, Math.min(context.cap, Math.max(context.total, partial.size)));
    await context.onPage?.(partial.size);
    if (partial.size >= context.cap) return true;
  }
  return false;
}

function filesOf(options: FetchOptions): { out: string; partialFile: string } {
  if (options.resume) {
    if (!options.resume.endsWith(PARTIAL_SUFFIX)) throw new UsageError(msg.resumeNotPartial(options.resume));
    const out = options.out ?? options.resume.slice(0, -PARTIAL_SUFFIX.length);
    if (out.endsWith(PARTIAL_SUFFIX)) throw new UsageError(msg.outIsPartial(out));
    return { out, partialFile: options.resume };
  }
  if (!options.out) throw new UsageError(msg.outRequired);
  if (options.out.endsWith(PARTIAL_SUFFIX)) throw new UsageError(msg.outIsPartial(options.out));
  const partialFile = partialPathFor(options.out);
  if (existsSync(partialFile)) throw new UsageError(msg.partialExists(partialFile));
  return { out: options.out, partialFile };
}

function checkedLimit(limit: number | undefined): number | null {
  if (limit === undefined) return null;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(msg.badLimit(String(limit)));
  return limit;
}

/** A resume continues the same pull: flags may repeat the interrupted pull's settings, not change them. */
async function checkResumable(header: FetchHeader, options: FetchOptions, host: string): Promise<void> {
  if (header.apihost !== host || header.namespace !== options.connection.namespace) {
    throw new UsageError(msg.resumeOtherHost(`${header.apihost} (namespace ${header.namespace})`, `${host} (namespace ${options.connection.namespace})`));
  }
  const same = (flag: string, was: unknown, now: unknown) => {
    if (was !== now) throw new UsageError(msg.resumeConflict(flag, String(was), String(now)));
  };
  if (options.name !== undefined) same('--name', header.name, checkActionName(options.name));
  if (options.since !== undefined) same('--since', header.since, parseInstant(options.since, '--since'));
  if (options.upto !== undefined) same('--upto', header.upto, parseInstant(options.upto, '--upto'));
  if (options.limit !== undefined) same('--limit', header.limit, options.limit);
}

function windowOf(header: FetchHeader): FetchWindow {
  return { name: header.name, since: header.since, upto: header.upto };
}

function headerOf(connection: Connection, host: string, window: FetchWindow, limit: number | null): FetchHeader {
  return { type: 'fetch', version: 1, apihost: host, namespace: connection.namespace, ...window, limit, started: new Date().toISOString() };
}
