// `npm run bench:local`: the embedded OpenWhisk's runtimes on this machine, as ratios to floors.
// Writes bench/out/local.json and prints a table. `--quick` for a short smoke run.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { measureColdStarts } from './cold-start.js';
import { measureDockerColdStarts } from './docker-cold-start.js';
import { buildActions, repoRoot } from './fixtures.js';
import { round } from './stats.js';
import { measureThroughServer } from './through-server.js';
import { measureWasmColdStarts } from './wasm-cold-start.js';
import { measureInference } from './inference.js';

const quick = process.argv.includes('--quick');
const coldReps = quick ? 5 : 30;
const warmReps = quick ? 50 : 300;
const seconds = quick ? 1 : 3;
const concurrencies = [1, 4];

const load = loadavg();
buildActions();
const cold = await measureColdStarts(coldReps);
const wasmCold = await measureWasmColdStarts(quick ? 3 : 10);
const inference = await measureInference(quick ? 5 : 20);
const docker = await measureDockerColdStarts(coldReps);
const { warm, throughput } = await measureThroughServer(warmReps, seconds, concurrencies);

const ms = (x: number): string => round(x, 1).toFixed(1);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${load.map((x) => x.toFixed(1)).join(' ')} at start`);
console.log(`\ncold start = create + /init, through the ContainerFactory (median of ${coldReps}, p90 in brackets)`);
console.log('kind        create   init     cold start       floor                                  ratio  first /run  warm /run');
for (const c of cold) {
  console.log(`${c.kind.padEnd(11)} ${ms(c.create.median).padStart(6)}  ${ms(c.init.median).padStart(6)}  ${ms(c.coldStart.median).padStart(6)} [${ms(c.coldStart.p90).padStart(6)}]  ${c.floor.padEnd(32)} ${ms(c.floorStart.median).padStart(6)}  ${round(c.ratio, 2).toFixed(2).padStart(5)}×  ${ms(c.firstRun.median).padStart(9)}  ${ms(c.warmRun.median).padStart(9)}`);
  if (c.threadFloor && c.threadRatio !== undefined) {
    console.log(`${''.padEnd(51)}or: bare worker + compile+instantiate ${ms(c.threadFloor.median).padStart(6)}  ${round(c.threadRatio, 2).toFixed(2).padStart(5)}×`);
  }
}
console.log(`\nwasm:0.1 cold start = create + /init at ${256} MB (module compiled once per content, optimizing tier), median of ${wasmCold[0]?.coldStart.n} [p90]`);
console.log('action      cold start       first cold start  first /run  floor compile+instantiate  ratio');
for (const w of wasmCold) {
  console.log(`${w.action.padEnd(11)} ${ms(w.coldStart.median).padStart(6)} [${ms(w.coldStart.p90).padStart(6)}]  ${ms(w.firstColdStart.median).padStart(8)}          ${ms(w.firstRun.median).padStart(8)}  ${ms(w.floor.median).padStart(8)}                   ${round(w.ratio, 2).toFixed(2).padStart(5)}×`);
}
console.log('\nhow a container gets its code (a bare worker: start → first answer, median ms)');
console.log('action      (a) worker compiles, V8 defaults: compile  first run  total   (b) server compiled once (optimizing): compile  first run  total');
for (const w of wasmCold) {
  const a = w.workerCompiles, b = w.serverCompiled;
  console.log(`${w.action.padEnd(11)} ${ms(a.compile.median).padStart(42)} ${ms(a.firstRun.median).padStart(10)} ${ms(a.total.median).padStart(6)}   ${ms(b.serverCompile.median).padStart(45)} ${ms(b.firstRun.median).padStart(10)} ${ms(b.total.median).padStart(6)}`);
}
console.log(`\nMobileNetV2 per inference, warm /run at the container (median of ${inference.native.n} [p90])`);
console.log(`native (blackbox) ${ms(inference.native.median)} [${ms(inference.native.p90)}]  wasm:0.1 ${ms(inference.wasm.median)} [${ms(inference.wasm.p90)}]  wasm/native ${round(inference.ratio, 2).toFixed(2)}×`);
if ('unavailable' in docker) {
  console.log(`\nDocker cold start: not measured (${docker.unavailable})`);
} else {
  console.log(`\nDocker cold start = create (image inspect, create, attach, start, proxy listening) + /init (median of ${coldReps}, p90 in brackets)`);
  console.log('kind                   create   init     cold start       floor                                  ratio  first /run  warm /run  pause  unpause');
  for (const d of docker) {
    console.log(`${d.kind.padEnd(22)} ${ms(d.create.median).padStart(6)}  ${ms(d.init.median).padStart(6)}  ${ms(d.coldStart.median).padStart(6)} [${ms(d.coldStart.p90).padStart(6)}]  ${d.floor.padEnd(32)} ${ms(d.floorStart.median).padStart(6)}  ${round(d.ratio, 2).toFixed(2).padStart(5)}×  ${ms(d.firstRun.median).padStart(9)}  ${ms(d.warmRun.median).padStart(9)}  ${ms(d.pause.median).padStart(5)}  ${ms(d.unpause.median).padStart(7)}`);
  }
}
console.log(`\nwarm blocking invoke (openwhisk client → server → container), median of ${warmReps}, vs a bare loopback HTTP POST`);
for (const w of warm) {
  console.log(`${w.kind.padEnd(11)} invoke ${ms(w.invoke.median)} ms [p90 ${ms(w.invoke.p90)}]  bare HTTP ${ms(w.bareHttp.median)} ms  overhead ${ms(w.overheadMs)} ms  (${round(w.ratio, 1)}×)`);
}
console.log(`\nsustained no-op invocations per second (blocking, result=true, ${seconds} s each)`);
for (const t of throughput) {
  console.log(`${t.kind.padEnd(11)} concurrency ${t.concurrency}: ${round(t.perSecond, 0)} /s (${t.invocations} in ${round(t.seconds, 2)} s)`);
}

const out = join(repoRoot, 'bench', 'out');
mkdirSync(out, { recursive: true });
const file = join(out, 'local.json');
writeFileSync(`${file}.tmp-${process.pid}`, `${JSON.stringify({ quick, loadAverageAtStart: load, cold, wasmCold, inference, docker, warm, throughput }, null, 2)}\n`);
renameSync(`${file}.tmp-${process.pid}`, file);
console.log(`\nwritten: ${file}`);
