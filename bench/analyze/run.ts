// Benchmark: `owbench analyze FILE --json` end to end (parse, ingest, analyze, print) against the
// same computation in pandas (reference.py), on the same generated 1M flat records. Runs the two
// alternately, checks that they print the same figures, and reports the time ratio
// (owbench / pandas; target ≤ 1.0) and each one's peak RSS (GNU time's %M).
//
// usage: npm run bench:analyze [-- --count N --seed S --runs R]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { deepStrictEqual } from 'node:assert';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFlatRecords } from './flat-records.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'bench/out');
const { values } = parseArgs({
  options: { count: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '3' } },
});
const count = Number(values.count);
const seed = Number(values.seed);
const runs = Number(values.runs);

interface Measure {
  wall_s: number;
  cpu_s: number;
  max_rss_mb: number;
}

/** Runs a command under GNU time with stdout to a file; wall time measured here, CPU and RSS by time. */
function measure(command: string[], stdoutFile: string, env: NodeJS.ProcessEnv = process.env): Measure {
  const fd = openSync(stdoutFile, 'w');
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', ...command], { cwd: root, env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  closeSync(fd);
  if (result.error) throw new Error(`cannot run /usr/bin/time (Debian package "time"): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const [, user, sys, rssKb] = /TIME (\S+) (\S+) (\d+)\s*$/.exec(result.stderr) ?? [];
  return { wall_s: wall, cpu_s: Number(user) + Number(sys), max_rss_mb: Number(rssKb) / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixed = (x: number, d = 2) => x.toFixed(d);

mkdirSync(out, { recursive: true });
const input = path.join(out, `flat-${count}-seed${seed}.json`);
if (!existsSync(input)) {
  console.log(`generating ${count} flat records (seed ${seed}) → ${path.relative(root, input)}`);
  writeFlatRecords(input, { count, seed });
}
const cli = path.join(root, 'dist/cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm run bench:analyze does)');

const commands = {
  owbench: { command: [process.execPath, cli, 'analyze', input, '--json'], stdout: path.join(out, 'analyze-owbench.json'),
    // as a user's shell would run it; NODE_EXTRA_CA_CERTS alone adds ~75 ms to Node's start here
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } },
  pandas: { command: ['/usr/bin/python3', path.join(root, 'bench/analyze/reference.py'), input], stdout: path.join(out, 'analyze-pandas.json'), env: process.env },
};
const measures: Record<keyof typeof commands, Measure[]> = { owbench: [], pandas: [] };
for (let run = 1; run <= runs; run++) {
  for (const name of ['owbench', 'pandas'] as const) {
    const m = measure(commands[name].command, commands[name].stdout, commands[name].env);
    measures[name].push(m);
    console.log(`run ${run} ${name.padEnd(7)} ${fixed(m.wall_s)} s wall, ${fixed(m.cpu_s)} s cpu, ${fixed(m.max_rss_mb, 0)} MB peak RSS`);
  }
}

const ours = JSON.parse(readFileSync(commands.owbench.stdout, 'utf8'));
const theirs = JSON.parse(readFileSync(commands.pandas.stdout, 'utf8'));
// The point figures must agree; the intervals, tests and trends pandas does not compute are
// counted (their time is in owbench's) and checked against scipy by test/analyze.
const pointFigures = {
  groups: ours.groups.map(({ ci, ...figures }: Record<string, unknown>) => figures),
  speedups: ours.speedups.map(({ ci_low, ci_high, ...ratio }: Record<string, unknown>) => ratio),
};
deepStrictEqual(pointFigures, theirs, 'owbench and pandas disagree');

const summary = Object.fromEntries((['owbench', 'pandas'] as const).map((name) => [name, {
  wall_s: median(measures[name].map((m) => m.wall_s)),
  cpu_s: median(measures[name].map((m) => m.cpu_s)),
  max_rss_mb: Math.max(...measures[name].map((m) => m.max_rss_mb)),
}])) as Record<'owbench' | 'pandas', Measure>;
const result = {
  records: count, seed, runs, load_average_1m: loadavg()[0],
  agree: { groups: ours.groups.length, speedups: ours.speedups.length },
  beyond_pandas: {
    group_intervals: ours.groups.reduce((n: number, g: { ci: Record<string, unknown> }) => n + Object.values(g.ci).filter((v) => v !== null).length, 0),
    speedup_intervals: ours.speedups.filter((s: { ci_low: number | null }) => s.ci_low !== null).length,
    rank_tests: ours.comparisons.length,
    trends: ours.trends.length,
  },
  ...summary,
  ratio_wall: summary.owbench.wall_s / summary.pandas.wall_s,
  ratio_cpu: summary.owbench.cpu_s / summary.pandas.cpu_s,
};
writeFileSync(path.join(out, 'analyze-bench.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nfigures agree: ${result.agree.groups} groups, ${result.agree.speedups} speedups identical`);
console.log(`${count} activations, median of ${runs} (load average ${fixed(result.load_average_1m)}):`);
console.log(`  owbench ${fixed(summary.owbench.wall_s)} s wall (${fixed(summary.owbench.cpu_s)} s cpu), peak RSS ${fixed(summary.owbench.max_rss_mb, 0)} MB`);
console.log(`  pandas  ${fixed(summary.pandas.wall_s)} s wall (${fixed(summary.pandas.cpu_s)} s cpu), peak RSS ${fixed(summary.pandas.max_rss_mb, 0)} MB`);
console.log(`  ratio owbench/pandas: ${fixed(result.ratio_wall)} wall, ${fixed(result.ratio_cpu)} cpu (target ≤ 1.0)`);
