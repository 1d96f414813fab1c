// Benchmark: `owbench analyze FILE --json` end to end (parse, ingest, analyze, print) against the
// same computation in pandas (reference.py) and in DuckDB (duckdb.mjs), on the same generated 1M
// records in three forms: the flat JSON array, OpenWhisk records as NDJSON, and CSV. In every run
// the three tools run back to back in a rotating order, so a shared machine's load falls on all
// alike; the ratios (owbench / other: wall time, peak RSS from GNU time's %M) are taken per run and
// their median reported. Figures are checked: equal to pandas', and to DuckDB's within 1e-9.
// In the same rotation: --before, another build of owbench (its --json must be byte-identical),
// and the floors of floor.mjs (bytes read and hashed; JSON.parse or a split of every record;
// owbench's ingest alone), each over DuckDB, to say how far the targets are from what any
// JavaScript reader, or the row-object table, costs.
//
// usage: npm run bench:analyze [-- --count N --seed S --runs R --formats flat,ndjson,csv --cli dist/cli.js
//   --before OTHER/dist/cli.js --floors]
// (--cli: another build of owbench, e.g. a copy of dist/ from before a change, to measure it the same way)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { deepStrictEqual } from 'node:assert';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inputFile, type InputFormat } from './inputs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'bench/out');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' }, runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: 'flat,ndjson,csv' }, cli: { type: 'string', default: 'dist/cli.js' },
    before: { type: 'string' }, floors: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
const runs = Number(values.runs);
const formats = values.formats.split(',') as InputFormat[];

interface Measure {
  wall_s: number;
  cpu_s: number;
  max_rss_mb: number;
}

/** Runs a command under GNU time with stdout to a file; wall time measured here, CPU and RSS by time. */
function measure(command: string[], stdoutFile: string, env: NodeJS.ProcessEnv): Measure {
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fixed = (x: number, d = 2) => x.toFixed(d);
const REFERENCES = ['owbench', 'duckdb', 'pandas'] as const;
const FLOORS = ['read', 'parse', 'ingest'] as const;
type Tool = (typeof REFERENCES)[number] | 'before' | (typeof FLOORS)[number];
const TOOLS: Tool[] = [...REFERENCES, ...(values.before ? ['before' as const] : []), ...(values.floors ? FLOORS : [])];

mkdirSync(out, { recursive: true });
const cli = path.resolve(root, values.cli);
if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm run bench:analyze does)`);
// As a user's shell would run it; NODE_EXTRA_CA_CERTS alone adds ~75 ms to Node's start here.
const nodeEnv = { ...process.env, NODE_EXTRA_CA_CERTS: '' };

function commandOf(tool: Tool, input: string, format: InputFormat): string[] {
  if (tool === 'owbench') return [process.execPath, cli, 'analyze', input, '--json'];
  if (tool === 'before') return [process.execPath, path.resolve(root, values.before!), 'analyze', input, '--json'];
  if (tool === 'duckdb') return [process.execPath, path.join(root, 'bench/analyze/duckdb.mjs'), input, format];
  if (tool !== 'pandas') return [process.execPath, path.join(root, 'bench/analyze/floor.mjs'), input, format, tool];
  return ['/usr/bin/python3', path.join(root, 'bench/analyze/reference.py'), input, '--format', format];
}

/** Point figures only: the intervals, tests and trends the references do not compute are checked against scipy in test/analyze. */
function pointFigures(file: string) {
  const ours = JSON.parse(readFileSync(file, 'utf8'));
  return {
    groups: ours.groups.map(({ ci, mean_total, ...figures }: Record<string, unknown>) => figures),
    speedups: ours.speedups.map(({ ci_low, ci_high, ...ratio }: Record<string, unknown>) => ratio),
  };
}

/** Every figure equal within `tolerance` (relative); returns how many were exactly equal. */
function agree(ours: unknown, theirs: unknown, tolerance: number, where: string): { figures: number; exact: number } {
  let figures = 0, exact = 0;
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      figures += 1;
      if (a === b) exact += 1;
      else if (Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a))) throw new Error(`${where}: ${at}: owbench ${a}, reference ${b}`);
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      return;
    }
    if (a !== b) throw new Error(`${where}: ${at}: owbench ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`);
  };
  walk(ours, theirs, '');
  return { figures, exact };
}

const report: Record<string, unknown> = { records: count, seed, runs, load_average_start: loadavg() };
for (const format of formats) {
  const input = inputFile(out, format, count, seed);
  const stdout = (tool: Tool) => path.join(out, `analyze-${format}-${tool}.json`);
  const measures = Object.fromEntries(TOOLS.map((tool) => [tool, [] as Measure[]])) as Record<Tool, Measure[]>;
  for (let run = 0; run < runs; run++) {
    const order = TOOLS.map((_, i) => TOOLS[(i + run) % TOOLS.length]!);
    for (const tool of order) {
      const m = measure(commandOf(tool, input, format), stdout(tool), tool === 'pandas' ? process.env : nodeEnv);
      measures[tool].push(m);
      console.log(`${format} run ${run + 1} ${tool.padEnd(7)} ${fixed(m.wall_s)} s wall, ${fixed(m.cpu_s)} s cpu, ${fixed(m.max_rss_mb, 0)} MB peak RSS (load ${fixed(loadavg()[0]!)})`);
    }
  }
  const ours = pointFigures(stdout('owbench'));
  const pandas = JSON.parse(readFileSync(stdout('pandas'), 'utf8'));
  deepStrictEqual(ours, pandas, `${format}: owbench and pandas disagree`);
  const duck = agree(ours, JSON.parse(readFileSync(stdout('duckdb'), 'utf8')), 1e-9, `${format}: owbench vs DuckDB`);
  if (values.before && readFileSync(stdout('before'), 'utf8') !== readFileSync(stdout('owbench'), 'utf8')) {
    throw new Error(`${format}: the --before build's --json differs from this one's`);
  }
  const ratioOf = (tool: Tool, other: Tool, key: keyof Measure) => median(measures[tool].map((m, i) => m[key] / measures[other][i]![key]));
  const ratio = (other: Tool, key: keyof Measure) => ratioOf('owbench', other, key);
  const extras = TOOLS.filter((tool) => !(REFERENCES as readonly Tool[]).includes(tool));
  const summary = Object.fromEntries(TOOLS.map((tool) => [tool, {
    wall_s: median(measures[tool].map((m) => m.wall_s)), cpu_s: median(measures[tool].map((m) => m.cpu_s)),
    max_rss_mb: median(measures[tool].map((m) => m.max_rss_mb)),
  }]));
  const result = {
    input: path.relative(root, input), groups: ours.groups.length, speedups: ours.speedups.length,
    agree: { pandas: 'identical', duckdb: `${duck.exact} of ${duck.figures} identical, the rest within 1e-9` },
    ...summary,
    owbench_over_duckdb: { wall: ratio('duckdb', 'wall_s'), cpu: ratio('duckdb', 'cpu_s'), rss: ratio('duckdb', 'max_rss_mb') },
    owbench_over_pandas: { wall: ratio('pandas', 'wall_s'), cpu: ratio('pandas', 'cpu_s'), rss: ratio('pandas', 'max_rss_mb') },
    ...Object.fromEntries(extras.map((tool) => [`${tool}_over_duckdb`, {
      wall: ratioOf(tool, 'duckdb', 'wall_s'), cpu: ratioOf(tool, 'duckdb', 'cpu_s'), rss: ratioOf(tool, 'duckdb', 'max_rss_mb'),
    }])),
    ...(values.before ? { owbench_over_before: { wall: ratio('before', 'wall_s'), cpu: ratio('before', 'cpu_s'), rss: ratio('before', 'max_rss_mb') } } : {}),
  };
  report[format] = result;
  console.log(`${format}: owbench/duckdb wall ${fixed(result.owbench_over_duckdb.wall)} rss ${fixed(result.owbench_over_duckdb.rss)}; owbench/pandas wall ${fixed(result.owbench_over_pandas.wall)} rss ${fixed(result.owbench_over_pandas.rss)}; figures: pandas identical, DuckDB ${result.agree.duckdb}`);
}
report.load_average_end = loadavg();
writeFileSync(path.join(out, 'analyze-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
