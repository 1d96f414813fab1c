// Times ingestFiles on one file and reports wall time and memory (run with --expose-gc for a
// settled heap figure). Usage: node --import tsx --expose-gc test/ingest/bench/time-ingest.ts FILE
import { ingestFiles } from '../../../src/ingest/index.js';

const file = process.argv[2];
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
const started = performance.now();
const cpu = process.cpuUsage();
const table = ingestFiles([file]);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);
(globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
console.log(JSON.stringify({
  rows: table.activations.length,
  seconds: Number(seconds.toFixed(2)),
  cpu_user_s: Number((used.user / 1e6).toFixed(2)),
  cpu_system_s: Number((used.system / 1e6).toFixed(2)),
  peak_rss_mb_sampled: mb(peakRss),
  heap_after_gc_mb: mb(process.memoryUsage().heapUsed),
  rss_after_mb: mb(process.memoryUsage().rss),
}));
