// The inference computed by a worker (inference-thread.ts) is the one this thread computes, value
// for value: on the demo's real run log directly, and through analyze on a table large enough
// for analyze to hand it over, with a runtime of two configurations that inference leaves out.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze/index.js';
import { inferAtUnit } from '../../src/analyze/inference.js';
import { comparedRows, PARALLEL_MIN_ROWS, severalOf, startInference } from '../../src/analyze/inference-thread.js';
import { collectColumns } from '../../src/analyze/columns.js';
import { severalConfigurations } from '../../src/analyze/group-keys.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { storeOf } from '../../src/table/table.js';
import type { Activation, Table } from '../../src/types.js';
import { row, table } from './table.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A lognormal-ish time from a fixed sequence, so the table is the same every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function largeTable(rows: number): Table {
  const next = sequence(7);
  const activations: Activation[] = [];
  const runtimes = ['blackbox', 'wasm:0.1', 'nodejs:20'];
  for (let i = 0; i < rows; i++) {
    const runtime = runtimes[i % 3];
    const cold = next() < 0.4;
    const run = 1 + (Math.floor(i / 3) % 5);
    const a = row({
      runtime, concurrency: [1, 2, 4][Math.floor(i / 15) % 3], repetition: run,
      wait: Math.round(20 + 200 * next() ** 3), init: cold ? Math.round(300 + 400 * next()) : null, duration: Math.round(100 + 300 * next() ** 2),
    });
    // nodejs:20 in two memory sizes: several configurations, compared nowhere.
    activations.push(runtime === 'nodejs:20' ? { ...a, memory_mb: i % 2 === 0 ? 256 : 512 } : a);
  }
  return table(activations);
}

describe('analyze/inference-thread: the inference on a second core', () => {
  it('leaves out the runtimes analyze finds several configurations of, and no other', () => {
    const base = (runtime: string, extra: Partial<Activation> = {}): Activation => ({ ...row({ runtime, wait: 1, duration: 2 }), ...extra });
    const activations = [
      base('one'), base('one', { memory_mb: 256 }), // memory not recorded, then 256 MB: two
      base('same', { function: 'f', memory_mb: 128 }), base('same', { function: 'f', memory_mb: 128 }),
      // The name a missing function is given, and a function of that name: one configuration.
      base('named', { function: null }), base('named', { function: 'function not named' }),
      // A composition is in no group: its other function does not count.
      base('composed', { function: 'g' }), base('composed', { function: 'h', composition: 'sequence' }),
      base('nulls', { memory_mb: null }), base('nulls', { memory_mb: null }),
      base('two', { function: 'a' }), base('other'), base('two', { function: 'b' }),
    ];
    const store = storeOf(table(activations));
    const expected = new Set(severalConfigurations(collectColumns(store, 'concurrency')).keys());
    assert.deepEqual([...expected].sort(), ['one', 'two']);
    assert.deepEqual([...severalOf(store)].sort(), [...expected].sort());
  });

  it('answers with what this thread computes, on the demo run log', () => {
    const store = storeOf(ingestFiles([{ path: path.join(repo, 'data/runs/demo.ndjson') }]));
    const worker = startInference(store, 'blackbox', 0);
    assert.ok(worker !== null, 'a worker is started where a second core is free');
    const answer = worker.take();
    worker.stop();
    assert.equal(answer?.ok, true, 'the worker answered');
    const here = inferAtUnit(comparedRows(store, new Set()), 'blackbox');
    assert.ok(here !== undefined && here.comparisons.length > 0);
    assert.deepEqual(answer?.ok ? answer.inference : null, here);
  });

  it(`gives analyze the same result with and without the worker at ${PARALLEL_MIN_ROWS} rows`, function () {
    this.timeout(120_000);
    const alone = withWorkers('0', () => analyze(largeTable(PARALLEL_MIN_ROWS)));
    const shared = withWorkers('1', () => analyze(largeTable(PARALLEL_MIN_ROWS)));
    assert.ok(alone.inference && alone.inference.comparisons.length > 0);
    assert.ok(alone.inference.comparisons.every((c) => c.candidate !== 'nodejs:20'), 'the runtime of two configurations is left out');
    assert.deepEqual(shared, alone);
  });
});

function withWorkers<T>(value: string, run: () => T): T {
  const before = process.env.OWBENCH_ANALYZE_WORKERS;
  process.env.OWBENCH_ANALYZE_WORKERS = value;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.OWBENCH_ANALYZE_WORKERS;
    else process.env.OWBENCH_ANALYZE_WORKERS = before;
  }
}
