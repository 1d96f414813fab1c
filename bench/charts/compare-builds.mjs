// Before/after for `owbench report` (the demo run log, with charts) and `owbench docs`: two
// checkouts' dist/cli.js run alternately (A, B, A, B, …) so that a shared machine's load falls on
// both alike; medians of wall and CPU (user + sys) time, and the median of B/A per pair. The
// floors first, in the same run: Node itself (`node -e 0`) and `owbench --help` (every
// subcommand's modules loaded, nothing run).
// Usage: node bench/charts/compare-builds.mjs BASELINE_ROOT [N]   (B is this checkout)
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [baseline, runsArg] = process.argv.slice(2);
if (!baseline) throw new Error('usage: node bench/charts/compare-builds.mjs BASELINE_ROOT [N]');
const runs = Number(runsArg ?? 5);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'owbench-compare-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const commands = {
  'node -e 0 (floor)': null,
  '--help': () => ['--help'],
  'report demo (charts)': (root) => ['report', path.join(root, 'data/runs/demo.ndjson'), '--out', path.join(scratch, 'demo.md')],
  'docs (all datasets)': (root) => ['docs', '--data', path.join(root, 'data'), '--out', path.join(scratch, 'docs')],
};

/** Wall seconds of one run, and its CPU seconds from GNU time. */
function timed(root, args) {
  const command = args === null ? ['-e', '0'] : [path.join(root, 'dist/cli.js'), ...args];
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...command], { cwd: root, encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(result.stderr);
  const [user, sys] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys };
}

console.log(`load at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, argsOf] of Object.entries(commands)) {
  const a = { wall: [], cpu: [] };
  const b = { wall: [], cpu: [] };
  const ratio = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const x = timed(baseline, argsOf && argsOf(baseline));
    const y = timed(here, argsOf && argsOf(here));
    for (const k of ['wall', 'cpu']) {
      a[k].push(x[k]);
      b[k].push(y[k]);
      ratio[k].push(y[k] / x[k]);
    }
  }
  const show = (s) => `wall ${median(s.wall).toFixed(2)} s, cpu ${median(s.cpu).toFixed(2)} s`;
  console.log(`${name}: before ${show(a)} | after ${show(b)} | after/before wall ${median(ratio.wall).toFixed(2)}, cpu ${median(ratio.cpu).toFixed(2)} (${runs} pairs)`);
}
console.log(`load at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
