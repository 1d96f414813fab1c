// Shared by the fetch tests: an embedded server filled with cheap nodejs:20 activations (non-blocking
// invokes), a writer that keeps invoking, and the server's own list of a window once it is quiet.
import { readFileSync } from 'node:fs';
import openwhisk from 'openwhisk';
import { startLocalWhisk, type LocalWhisk } from '../../src/index.js';
import { secretKey } from './helpers.js';

export type Client = ReturnType<typeof openwhisk>;

export interface Filled {
  server: LocalWhisk;
  ow: Client;
  /** Before the first activation. */
  since: number;
  storeLagMs: number;
}

const NOOP = 'function main() { return {}; }';

/** `n` activations of `noop` and `other`, a record visible `storeLagMs` after it is stored. */
export async function startFilled(n: number, storeLagMs = 0): Promise<Filled> {
  const server = await startLocalWhisk({ auth: secretKey(), config: { faults: { storeLagMs } } });
  const ow = openwhisk({ apihost: server.apihost, api_key: server.auth });
  // 128 MB each, so that both fit the pool with warm containers to spare.
  for (const name of ['noop', 'other']) await ow.actions.create({ name, action: NOOP, kind: 'nodejs:20', limits: { memory: 128 } } as never);
  const since = Date.now();
  // One action after the other: alternating them would evict containers all the time.
  for (const [name, count] of [['noop', n - Math.floor(n / 5)], ['other', Math.floor(n / 5)]] as const) {
    let sent = 0;
    const worker = async () => {
      while (sent < count) {
        sent += 1;
        await ow.actions.invoke({ name });
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
  await waitQuiet(ow, n, storeLagMs);
  return { server, ow, since, storeLagMs };
}

/** Waits out the store lag, then until the server's count stops changing (at least `atLeast`). */
export async function waitQuiet(ow: Client, atLeast = 0, storeLagMs = 0): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, storeLagMs));
  let last = -1;
  for (;;) {
    const count = await countAll(ow);
    if (count >= atLeast && count === last) return count;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

export async function countAll(ow: Client, window: { since?: number; upto?: number } = {}): Promise<number> {
  return ((await ow.activations.list({ count: true, ...window } as never)) as unknown as { activations: number }).activations;
}

/** Another client invoking without pause (4 blocking invokes at a time, so nothing queues up) until stopped. */
export function startWriter(ow: Client): { invoked(): number; stop(): Promise<number> } {
  let running = true;
  let invoked = 0;
  const loop = async () => {
    while (running) {
      await ow.actions.invoke({ name: 'noop', blocking: true });
      invoked += 1;
    }
  };
  const loops = Array.from({ length: 4 }, loop);
  return {
    invoked: () => invoked,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return invoked;
    },
  };
}

/** The server's own ids for a window, paged by skip (exact once nothing is being written). */
export async function serverIds(ow: Client, window: { since: number; upto: number; name?: string }): Promise<string[]> {
  const ids: string[] = [];
  for (let skip = 0; ; skip += 200) {
    const page = (await ow.activations.list({ ...window, skip, limit: 200 } as never)) as unknown as { activationId: string }[];
    ids.push(...page.map((a) => a.activationId));
    if (page.length < 200) return ids;
  }
}

export interface FileRecord {
  activationId: string;
  start: number;
  [key: string]: unknown;
}

export function readNdjson(file: string): FileRecord[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FileRecord);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
