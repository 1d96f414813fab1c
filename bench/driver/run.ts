// Benchmark: the driver's overhead against a raw HTTP load loop, side by side in one process tree.
// One embedded OpenWhisk, one warm no-op action; the same number of sequential blocking invokes
// (1) as `runExperiment` trials (cold: none, concurrency 1: invoke, record fetch, fsync'd log
// lines) and (2) as a bare loop of `fetch` POSTs. Reports the per-invocation wall time of each and
// their ratio, plus the driver's own client_ms against the raw loop's latency (same request).
//
// usage: npx tsx bench/driver/run.ts [--count N] [--rounds R]
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { startLocalWhisk } from '../../src/local/server.js';
import { runExperiment } from '../../src/openwhisk/runner.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } } });
const count = Number(values.count);
const rounds = Number(values.rounds);

const server = await startLocalWhisk({ auth: `bench:${'k'.repeat(40)}` });
const connection = { apihost: server.apihost, auth: server.auth, namespace: '_', from: { apihost: 'bench', auth: 'bench', namespace: 'bench' } };
const authHeader = `Basic ${Buffer.from(server.auth).toString('base64')}`;
const folder = mkdtempSync(path.join(tmpdir(), 'owbench-bench-'));
const experimentFile = path.join(folder, 'bench.json');
writeFileSync(experimentFile, JSON.stringify({
  name: 'bench',
  runtimes: [{ name: 'noop', kind: 'nodejs:20', memory: 128, code: path.join(root, 'data/actions/js/noop.js') }],
  concurrency: [1],
  repetitions: count,
  cold: 'none',
  warmup: 1,
  order: 'sequential',
}));

async function driver(round: number): Promise<{ perCallMs: number; clientMs: number }> {
  const out = path.join(folder, `run-${round}.ndjson`);
  const started = performance.now();
  await runExperiment({ experiment: experimentFile, out, connection });
  const wall = performance.now() - started;
  const state = await readRunLog(out);
  const client = [...state.trials.values()].map((line) => line.client_ms ?? 0);
  return { perCallMs: wall / count, clientMs: client.reduce((a, b) => a + b, 0) / client.length };
}

async function raw(): Promise<{ perCallMs: number }> {
  const url = `${server.apihost}/api/v1/namespaces/_/actions/rawbench?blocking=true`;
  await fetch(`${server.apihost}/api/v1/namespaces/_/actions/rawbench?overwrite=true`, {
    method: 'PUT', headers: { authorization: authHeader, 'content-type': 'application/json' },
    body: JSON.stringify({ exec: { kind: 'nodejs:20', code: 'function main() { return {}; }' }, limits: { memory: 128 } }),
  });
  await fetch(url, { method: 'POST', headers: { authorization: authHeader, 'content-type': 'application/json' }, body: '{}' }); // warm
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await fetch(url, { method: 'POST', headers: { authorization: authHeader, 'content-type': 'application/json' }, body: '{}' });
    await response.json();
  }
  return { perCallMs: (performance.now() - started) / count };
}

const results: { round: number; driver_ms: number; driver_client_ms: number; raw_ms: number }[] = [];
for (let round = 1; round <= rounds; round++) {
  // Alternate which goes first so drift in the machine's load hits both alike.
  const first = round % 2 ? 'driver' : 'raw';
  const a = first === 'driver' ? await driver(round) : await raw();
  const b = first === 'driver' ? await raw() : await driver(round);
  const d = (first === 'driver' ? a : b) as { perCallMs: number; clientMs: number };
  const r = first === 'driver' ? b : a;
  results.push({ round, driver_ms: d.perCallMs, driver_client_ms: d.clientMs, raw_ms: r.perCallMs });
}
await server.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const summary = {
  count,
  rounds,
  load_average: loadavg()[0],
  driver_ms_per_invocation: median(results.map((r) => r.driver_ms)),
  driver_client_ms: median(results.map((r) => r.driver_client_ms)),
  raw_ms_per_invocation: median(results.map((r) => r.raw_ms)),
  ratio_wall: median(results.map((r) => r.driver_ms / r.raw_ms)),
  ratio_latency: median(results.map((r) => r.driver_client_ms / r.raw_ms)),
  results,
};
mkdirSync(path.join(root, 'bench/out'), { recursive: true });
writeFileSync(path.join(root, 'bench/out/driver.json'), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary, null, 2));
