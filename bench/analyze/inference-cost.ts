// Benchmark: what the inference at the experimental unit (issue 11: cluster bootstrap, permutation
// and rank tests; inferAtUnit) costs inside `analyze` at 1M activations, as a share of the rest of
// the analysis (issue 16 item 2: at most 20%). One process, the table ingested once; each round
// times analyze() whole and inferAtUnit() alone on the rows analyze gives it, and the overhead is
// median(inference) / median(analyze − inference). Two shapes of the same activations: each cell
// one run (unit: activation, the generated file as it is) and each cell ten runs (unit: run,
// repetition = row index mod 10), which the cluster bootstrap resamples.
// Since the inference runs on a second core (src/analyze/inference-thread.ts), analyze is timed
// both ways each round: on one thread (OWBENCH_ANALYZE_WORKERS=0), which gives the CPU share
// and the rest's wall time, and as it runs by default, which gives the wall time the inference
// still adds: median(analyze) − median(analyze on one thread − inference).
//
// usage: npx tsx bench/analyze/inference-cost.ts [--count N --seed S --rounds R --dist dist]
// (--dist: another build's dist/ folder, e.g. a copy from before a change)
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Table } from '../../src/types.js';
import { inputFile } from './inputs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '5' }, dist: { type: 'string', default: 'dist' },
  },
});
const dist = pathToFileURL(path.resolve(root, values.dist)).href;
const { ingestFiles } = await import(`${dist}/ingest/index.js`) as typeof import('../../src/ingest/index.js');
const { analyze } = await import(`${dist}/analyze/analyze.js`) as typeof import('../../src/analyze/analyze.js');
const { inferAtUnit } = await import(`${dist}/analyze/inference.js`) as typeof import('../../src/analyze/inference.js');
const { ActivationStore } = await import(`${dist}/table/store.js`) as typeof import('../../src/table/store.js');
const { storedTable, storeOf } = await import(`${dist}/table/table.js`) as typeof import('../../src/table/table.js');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** `run` with the inference on this thread, as on a machine with one core. */
function oneThread<T>(run: () => T): T {
  process.env.OWBENCH_ANALYZE_WORKERS = '0';
  try {
    return run();
  } finally {
    delete process.env.OWBENCH_ANALYZE_WORKERS;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed<T>(run: () => T): { cpu: number; wall: number } {
  const cpu = cpuMs();
  const wall = performance.now();
  run();
  return { cpu: cpuMs() - cpu, wall: performance.now() - wall };
}

/**
 * The activations analyze hands to inferAtUnit: no compositions, recorded levels (one
 * configuration per runtime here), as columns, as analyze gives them.
 */
const comparedRows = (table: Table) =>
  ActivationStore.fromRows(storeOf(table).rows().filter((row) => row.composition == null && row.concurrency != null));

const input = inputFile(path.join(root, 'bench/out'), 'flat', Number(values.count), Number(values.seed));
// Both tables hold columns, as ingest gives them (a table of row objects would be turned into columns on every analyze).
const oneRun = ingestFiles([input]);
const tenRows = storeOf(oneRun).rows().map((row, i) => ({ ...row, repetition: i % 10 }));
const tenRuns = storedTable(ActivationStore.fromRows(tenRows), { aggregates: [], sources: oneRun.sources, warnings: [] });
tenRows.length = 0;
const result: Record<string, unknown> = { records: storeOf(oneRun).length, dist: values.dist, load_average_start: loadavg() };
for (const [shape, table] of [['one run per cell', oneRun], ['ten runs per cell', tenRuns]] as const) {
  const whole: number[] = [];
  const inference: number[] = [];
  const wallWhole: number[] = [];
  const wallInference: number[] = [];
  const wallParallel: number[] = [];
  const rows = comparedRows(table);
  let unit = '';
  for (let round = 0; round < Number(values.rounds); round++) {
    const a = oneThread(() => timed(() => analyze(table)));
    const b = timed(() => (unit = inferAtUnit(rows, 'blackbox')?.unit ?? 'none'));
    const c = timed(() => analyze(table));
    whole.push(a.cpu);
    inference.push(b.cpu);
    wallWhole.push(a.wall);
    wallInference.push(b.wall);
    wallParallel.push(c.wall);
  }
  const rest = median(whole.map((w, i) => w - inference[i]!));
  const restWall = median(wallWhole.map((w, i) => w - wallInference[i]!));
  const summary = {
    unit, analyze_cpu_ms: median(whole), inference_cpu_ms: median(inference), rest_cpu_ms: rest,
    overhead: median(inference) / rest, analyze_wall_ms: median(wallWhole), inference_wall_ms: median(wallInference),
    analyze_parallel_wall_ms: median(wallParallel), rest_wall_ms: restWall,
    wall_overhead: (median(wallParallel) - restWall) / restWall,
  };
  result[shape] = summary;
  console.log(`${shape} (unit ${unit}): analyze ${summary.analyze_cpu_ms.toFixed(0)} ms cpu, of it inference ${summary.inference_cpu_ms.toFixed(0)} ms: ` +
    `${(100 * summary.overhead).toFixed(0)}% of the rest (target ≤ 20%); wall: rest ${restWall.toFixed(0)} ms, analyze ${summary.analyze_parallel_wall_ms.toFixed(0)} ms ` +
    `with the inference on a second core: ${(100 * summary.wall_overhead).toFixed(0)}% added; median of ${values.rounds} (load ${loadavg()[0]!.toFixed(2)})`);
}
result.load_average_end = loadavg();
writeFileSync(path.join(root, 'bench/out/inference-cost.json'), `${JSON.stringify(result, null, 2)}\n`);
