// Deterministic flat activation records (DESIGN.md §2.2 format 1, the seed's first block) for the
// analyze benchmark and the pandas comparison test: three runtimes, concurrency 1..10, cold and
// warm, some failures. The same options give the same bytes on every machine.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';

export interface FlatRecordsOptions {
  count: number;
  seed: number;
  /** Times with three decimals instead of whole milliseconds (exercises rounding in the kernels). */
  fractional?: boolean;
  /** Every nodejs:20 activation at concurrency 10 fails: a group with no successes at all. */
  failedGroup?: boolean;
  /** About 1 record in 200 carries no waitTime (so it has no total either). */
  missingWait?: boolean;
  /**
   * Real-shaped names and configurations (issue 10): nodejs:20 runs two functions at two memory
   * sizes (resize at 256 MB, thumb at 512 MB) under numbered action names (resize1…3), blackbox
   * runs owbench's fresh action per trial, wasm:0.1 one action; about 1 record in 300 has no
   * concurrency.
   */
  configurations?: boolean;
}

const RUNTIMES = [
  { kind: 'blackbox', memory: 512, init: 8000, exec: 400, wait: 2000 },
  { kind: 'wasm:0.1', memory: 256, init: 1000, exec: 1100, wait: 250 },
  { kind: 'nodejs:20', memory: 256, init: 300, exec: 600, wait: 40 },
];
const FAILURES = ['application error', 'action developer error', 'whisk internal error', 'timeout'] as const;

/** mulberry32: a small, fast, well-mixed 32-bit generator. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function* flatRecords(options: FlatRecordsOptions): Generator<Record<string, unknown>> {
  const random = prng(options.seed);
  const lognormal = (median: number, spread: number) => {
    const u = 1 - random();
    const v = random();
    return median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  };
  const ms = options.fractional ? (x: number) => Math.round(x * 1000) / 1000 : Math.round;
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  for (let run = 1; run <= options.count; run++) {
    const runtime = RUNTIMES[Math.floor(random() * RUNTIMES.length)];
    const concurrency = 1 + Math.floor(random() * 10);
    const cold = random() < 0.15;
    const init = cold ? ms(lognormal(runtime.init, 0.2)) : undefined;
    const duration = ms(lognormal(runtime.exec, 0.3)) + (init ?? 0);
    const wait = ms(lognormal(runtime.wait * (cold ? concurrency : 0.05), 0.8));
    const failed = random() < 0.02 || (options.failedGroup === true && runtime.kind === 'nodejs:20' && concurrency === 10);
    const record: Record<string, unknown> = {
      run,
      activationId: hex() + hex() + hex() + hex(),
      kind: runtime.kind,
      memory: runtime.memory,
      concurrency,
    };
    if (options.configurations) configure(record, runtime.kind, run, random);
    if (init !== undefined) record.initTime = init;
    record.duration = duration;
    if (!(options.missingWait && random() < 0.005)) record.waitTime = wait;
    record.confidence = 0.6030619144439697;
    record.label = 'hen';
    record.status = failed ? FAILURES[Math.floor(random() * FAILURES.length)] : 'success';
    yield record;
  }
}

/** Action names and memory sizes as the options' `configurations` describes. */
function configure(record: Record<string, unknown>, kind: string, run: number, random: () => number): void {
  if (kind === 'nodejs:20') {
    const thumb = random() < 0.5;
    record.action = `guest/${thumb ? 'thumb' : 'resize'}${1 + Math.floor(random() * 3)}`;
    record.memory = thumb ? 512 : 256;
  } else if (kind === 'blackbox') {
    record.action = `guest/owbench-0123abcd-blackbox-c${record.concurrency}-r1-i${run}`;
  } else {
    record.action = 'guest/classify';
  }
  if (random() < 1 / 300) delete record.concurrency;
}

/** Writes the records as a JSON array, one record a line; temp file then rename. */
export function writeFlatRecords(file: string, options: FlatRecordsOptions): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    let chunk = '[\n';
    let first = true;
    for (const record of flatRecords(options)) {
      chunk += (first ? '' : ',\n') + JSON.stringify(record);
      first = false;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, `${chunk}\n]\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
