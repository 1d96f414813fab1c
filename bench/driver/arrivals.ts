// Benchmark: the driver as an open-loop load generator, side by side with autocannon, against
// one embedded OpenWhisk (`owbench serve` in its own process) and the same route (a blocking
// invoke of a warm no-op action). Per round, alternately first: (1) `runExperiment` with
// arrivalRate R and one batch of N calls, its schedule error taken from the run log
// (sent_at − planned_at per trial); (2) autocannon at overallRate R for N requests, its send
// times taken from its clients' 'request' events against the evenly spaced schedule from its
// first send; (3) the control: the same dispatcher with an empty send, alone in this process (the
// floor the machine's scheduling sets); (4) the CPU one call costs the driver, the server and its
// containers, closed-loop (cpu-budget.ts), and so the cores rate R needs. Reports p50/p99/max of
// the error, the achieved rate and the latency, and the CPU budget, medians over rounds.
//
// usage: npx tsx bench/driver/arrivals.ts [--rate 1000] [--count 3000] [--rounds 3] [--arrivals fixed|poisson] [--only owbench|autocannon]
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { GUEST_KEY } from '../../src/local/http/auth.js';
import { arrivalOffsets, dispatch, preciseNow, type ArrivalProcess } from '../../src/openwhisk/arrivals.js';
import { runExperiment } from '../../src/openwhisk/runner.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';
import { startServe, stop } from '../soak/server.js';
import { cpuBudget, type CpuBudget } from './cpu-budget.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    count: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '3' },
    arrivals: { type: 'string', default: 'fixed' },
    only: { type: 'string' },
  },
});
const rate = Number(values.rate);
const count = Number(values.count);
const rounds = Number(values.rounds);
/** Closed-loop calls per round for the CPU budget: enough that 10 ms clock ticks are under 1% of it. */
const BUDGET_CALLS = 1000;

const folder = mkdtempSync(path.join(tmpdir(), 'owbench-arrivals-'));
const configFile = path.join(folder, 'config.json');
// Room for the containers a loaded machine's latency needs at this rate (rate × latency).
writeFileSync(configFile, JSON.stringify({ userMemoryMb: 8192, pauseGraceMs: 600_000 }));
const server = await startServe(path.join(folder, 'store'), configFile);
const authHeader = `Basic ${Buffer.from(GUEST_KEY).toString('base64')}`;
const connection = { apihost: server.apihost, auth: GUEST_KEY, namespace: '_', from: { apihost: 'bench', auth: 'bench', namespace: 'bench' } };
const noop = path.join(root, 'data/actions/js/noop.js');

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
interface Round { error_p50_ms: number; error_p99_ms: number; error_max_ms: number; achieved_per_s: number; latency_p50_ms: number; latency_p99_ms: number; failures: number }

function summarize(errors: number[], spanMs: number, latencies: number[], failures: number): Round {
  const e = [...errors].sort((a, b) => a - b);
  const l = [...latencies].sort((a, b) => a - b);
  return {
    error_p50_ms: quantile(e, 0.5), error_p99_ms: quantile(e, 0.99), error_max_ms: e[e.length - 1]!,
    achieved_per_s: ((errors.length - 1) * 1000) / spanMs, latency_p50_ms: quantile(l, 0.5), latency_p99_ms: quantile(l, 0.99), failures,
  };
}

async function owbench(round: number): Promise<Round> {
  const experiment = path.join(folder, `open-${round}.json`);
  writeFileSync(experiment, JSON.stringify({
    name: 'arrivals', runtimes: [{ name: 'noop', kind: 'nodejs:20', memory: 128, code: noop }],
    concurrency: [count], repetitions: 1, cold: 'none', warmup: 1, order: 'sequential',
    arrivalRate: rate, arrivals: values.arrivals, seed: round, timeoutMs: 30000,
  }));
  const out = path.join(folder, `open-${round}.ndjson`);
  await runExperiment({ experiment, out, connection, settleMs: 3000 });
  const lines = [...(await readRunLog(out)).trials.values()].sort((a, b) => a.planned_at! - b.planned_at!);
  const errors = lines.map((line) => line.sent_at - line.planned_at!);
  const ok = lines.filter((line) => line.outcome === 'ok');
  return summarize(errors, lines[lines.length - 1]!.sent_at - lines[0]!.sent_at, ok.map((line) => line.client_ms!), lines.length - ok.length);
}

async function putAction(name: string): Promise<void> {
  const headers = { authorization: authHeader, 'content-type': 'application/json' };
  const base = `${server.apihost}/api/v1/namespaces/_/actions/${name}`;
  const code = 'function main() { return { pid: process.pid }; }';
  await fetch(`${base}?overwrite=true`, { method: 'PUT', headers, body: JSON.stringify({ exec: { kind: 'nodejs:20', code }, limits: { memory: 128 } }) });
  await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}?blocking=true`, { method: 'POST', headers, body: '{}' }).then((r) => r.text())));
}

async function cannon(): Promise<Round> {
  const sends: number[] = [];
  const result = await autocannon({
    url: `${server.apihost}/api/v1/namespaces/_/actions/acnoop?blocking=true`,
    method: 'POST', headers: { authorization: authHeader, 'content-type': 'application/json' }, body: '{}',
    connections: 64, overallRate: rate, amount: count, timeout: 30,
    setupClient: (client) => client.on('request', () => sends.push(performance.now())),
  });
  sends.sort((a, b) => a - b);
  // Its rate is a per-second quota per connection: measured against an even schedule from its first send.
  const errors = sends.map((at, i) => Math.abs(at - (sends[0]! + (i * 1000) / rate)));
  const latency = result.latency as unknown as { p50: number; p99: number };
  const failures = result.errors + result.timeouts + result.non2xx;
  return { ...summarize(errors, sends[sends.length - 1]! - sends[0]!, [0], failures), latency_p50_ms: latency.p50, latency_p99_ms: latency.p99 };
}

/** The control: the same dispatcher with an empty send, nothing else in the process, in the same round. */
async function timerLoop(): Promise<Round> {
  const start = preciseNow() + 10;
  const errors = await dispatch(start, arrivalOffsets(count, rate, values.arrivals as ArrivalProcess, 0), async (_, plannedAt) => preciseNow() - plannedAt);
  return summarize(errors, (count - 1) * (1000 / rate), [0], 0);
}

const results: { round: number; owbench: Round; autocannon: Round; timer_loop: Round; cpu_budget: CpuBudget; load_average: number }[] = [];
try {
  await putAction('acnoop');
  for (let round = 1; round <= rounds; round++) {
    // Alternate which goes first so drift in the machine's load hits both alike.
    const load_average = loadavg()[0]!;
    const skip = async (): Promise<Round> => summarize([0], 1, [0], 0);
    const runOwbench = values.only === 'autocannon' ? skip : () => owbench(round);
    const runCannon = values.only === 'owbench' ? skip : cannon;
    const first = round % 2 ? await runOwbench() : await runCannon();
    const second = round % 2 ? await runCannon() : await runOwbench();
    const timer_loop = await timerLoop();
    const cpu_budget = await cpuBudget(server.apihost, GUEST_KEY, 'acnoop', server.child.pid!, BUDGET_CALLS, rate);
    results.push({ round, owbench: round % 2 ? first : second, autocannon: round % 2 ? second : first, timer_loop, cpu_budget, load_average });
    console.error(JSON.stringify(results[results.length - 1]));
  }
} finally {
  await stop(server.child, 'SIGTERM');
}

const medians = <T extends object>(pick: (r: (typeof results)[number]) => T) =>
  Object.fromEntries(Object.keys(pick(results[0]!)).map((key) => [key, median(results.map((r) => pick(r)[key as keyof T] as number))]));
const summary = {
  rate, count, rounds, arrivals: values.arrivals,
  owbench: medians((r) => r.owbench), autocannon: medians((r) => r.autocannon), timer_loop: medians((r) => r.timer_loop),
  cpu_budget: medians((r) => r.cpu_budget), results,
};
mkdirSync(path.join(root, 'bench/out'), { recursive: true });
writeFileSync(path.join(root, 'bench/out/arrivals.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
