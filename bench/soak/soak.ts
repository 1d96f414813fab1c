// The soak (issue 15 item 8): drives `owbench serve` for a bounded time with the three kinds, cold
// and warm, faults injected, as many invokes in flight as the pool has room for; then checks by
// id that every acknowledged activation is stored, kills the server with SIGKILL, restarts it on
// the same data folder and checks again.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import openwhisk from 'openwhisk';
import { GUEST_KEY, type LocalWhiskConfig } from '../../src/index.js';
import { buildActions, kinds, nativeDir } from '../local/fixtures.js';
import { buckets, count, latency, type SoakReport } from './report.js';
import { rssMb, startServe, stop } from './server.js';
import { ACTION_MEMORY_MB, createAction, createWarmActions, invoke, random, warmName, type Client, type Sample } from './workload.js';

export interface SoakOptions {
  durationMs: number;
  bucketMs: number;
  seed: number;
  /** Progress lines (one per bucket). */
  log?: (line: string) => void;
}

const USER_MEMORY_MB = 1024;
/** The pool's limit: as many invokes in flight as containers fit. */
const CONCURRENCY = USER_MEMORY_MB / ACTION_MEMORY_MB;

/** Faults picked by invoke index (and /init count): every kind of failure the driver must survive. */
export const soakConfig: LocalWhiskConfig = {
  userMemoryMb: USER_MEMORY_MB,
  stemCells: [
    { kind: 'nodejs:20', count: 2, memory: ACTION_MEMORY_MB },
    { kind: 'wasm:0.1', count: 2, memory: ACTION_MEMORY_MB },
  ],
  blackbox: { images: {}, folder: nativeDir },
  faults: {
    latency: { every: 7, ms: 30 },
    throttle: { every: 50 },
    serverError: { every: 70, status: 503 },
    dropConnection: { every: 90, when: 'before' },
    crashOnInit: { every: 9 },
    storeLagMs: 100,
  },
  // Small segments so the soak rotates many times; a bound large enough to keep every record.
  store: { segmentBytes: 1024 * 1024, maxBytes: 4 * 1024 ** 3 },
};

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  buildActions();
  const work = mkdtempSync(path.join(tmpdir(), 'owbench-soak-'));
  const dataDir = path.join(work, 'data');
  const configFile = path.join(work, 'whisk.json');
  writeFileSync(configFile, JSON.stringify(soakConfig));
  let server = await startServe(dataDir, configFile);
  try {
    let ow = client(server.apihost);
    await createWarmActions(ow);
    const rss: Array<{ at: number; mb: number }> = [];
    const startMb = rssMb(server.child);
    const loadStart = loadavg()[0]!;
    const t0 = Date.now();
    const sampler = setInterval(() => rss.push({ at: Date.now() - t0, mb: rssMb(server.child) }), 2000);
    const samples: Sample[] = [];
    const next = random(options.seed);
    let fresh = 0;
    let reported = 0;
    const worker = async () => {
      while (Date.now() - t0 < options.durationMs) {
        const r = next();
        const kind = kinds[Math.floor(next() * kinds.length)]!;
        const at = Date.now() - t0;
        if (r < 0.2) {
          const name = `cold-${fresh++}`;
          await createAction(ow, name, kind);
          samples.push({ at, kind, mode: 'cold', ...(await invoke(ow, name, true)) });
          await ow.actions.delete({ name });
        } else {
          const mode = r < 0.3 ? 'async' : 'warm';
          samples.push({ at, kind, mode, ...(await invoke(ow, warmName(kind), mode === 'warm')) });
        }
        if (at - reported >= options.bucketMs) {
          reported = at;
          options.log?.(`${Math.round(at / 1000)} s: ${samples.length} requests, server RSS ${rssMb(server.child).toFixed(0)} MB`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    clearInterval(sampler);
    const seconds = (Date.now() - t0) / 1000;
    const endMb = rssMb(server.child);
    const loadEnd = loadavg()[0]!;
    const ids = samples.flatMap((s) => (s.activationId ? [s.activationId] : []));
    const lost = await missing(ow, ids, 60_000);

    await stop(server.child, 'SIGKILL');
    const stackLines = server.stderr().split('\n').filter((line) => /^\s+at /.test(line)).length;
    server = await startServe(dataDir, configFile);
    ow = client(server.apihost);
    const lostAfterRestart = await missing(ow, ids, 5_000);
    const stored = (await ow.activations.list({ count: true })) as unknown as { activations: number };

    return {
      seconds,
      concurrency: CONCURRENCY,
      requests: samples.length,
      byOutcome: count(samples.map((s) => s.outcome)),
      byMode: Object.fromEntries(['warm', 'cold', 'async'].map((mode) => {
        const of = samples.filter((s) => s.mode === mode);
        return [mode, { requests: of.length, ...latency(of) }];
      })),
      acknowledged: ids.length,
      lost: lost.length,
      lostAfterRestart: lostAfterRestart.length,
      rss: { startMb, endMb, maxMb: Math.max(startMb, endMb, ...rss.map((r) => r.mb)) },
      load: { start: loadStart, end: loadEnd, cores: availableParallelism() },
      store: { records: stored.activations, ...diskUse(path.join(dataDir, 'activations')) },
      stackLines: stackLines + server.stderr().split('\n').filter((line) => /^\s+at /.test(line)).length,
      buckets: buckets(samples, options.bucketMs, rss, options.durationMs),
      others: samples.filter((s) => s.outcome === 'other').slice(0, 10).map((s) => s.detail ?? ''),
    };
  } finally {
    await stop(server.child, 'SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

function client(apihost: string): Client {
  return openwhisk({ apihost, api_key: GUEST_KEY, ignore_certs: true });
}

/** The ids GET /activations/{id} does not find within `waitMs` (a record may still be running or in the store lag). */
async function missing(ow: Client, ids: string[], waitMs: number): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  const lost: string[] = [];
  let cursor = 0;
  const checker = async () => {
    while (cursor < ids.length) {
      const activationId = ids[cursor++]!;
      for (;;) {
        try {
          await ow.activations.get({ activationId });
          break;
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode !== 404 || Date.now() > deadline) {
            lost.push(activationId);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, checker));
  return lost;
}

function diskUse(dir: string): { segments: number; bytes: number } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ndjson'));
  return { segments: files.length, bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) };
}
