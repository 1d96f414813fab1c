import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadExperiment } from '../../src/openwhisk/experiment.js';
import { InputError, CliError } from '../../src/errors.js';
import { actionsJs, tempDir, writeExperiment } from './helpers.js';
import { repoRoot } from '../helpers/cli.js';

const valid = () => ({
  name: 'unit',
  runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 256, code: path.join(actionsJs, 'noop.js') }],
  concurrency: [1, 2],
  repetitions: 3,
  cold: 'fresh-action',
  order: 'interleaved',
  seed: 7,
});

function errorOf(spec: unknown): CliError {
  const folder = tempDir();
  const file = writeExperiment(folder, spec as Record<string, unknown>);
  try {
    loadExperiment(file);
  } catch (error) {
    assert.ok(error instanceof CliError, String(error));
    assert.equal(error.exitCode, 2);
    assert.ok(error.message.includes(file), `names the file: ${error.message}`);
    return error;
  }
  assert.fail('expected the experiment to be rejected');
}

describe('openwhisk/experiment', () => {
  it('accepts a valid file and fills defaults', () => {
    const experiment = loadExperiment(writeExperiment(tempDir(), valid()));
    assert.equal(experiment.spec.timeoutMs, 70000);
    assert.equal(experiment.spec.retry.maxRetries, 8);
    assert.deepEqual(experiment.params, {});
    assert.equal(experiment.spec.seed, 7);
  });

  it('chooses and records a seed when interleaved order has none', () => {
    const spec = { ...valid(), seed: undefined };
    const experiment = loadExperiment(writeExperiment(tempDir(), spec), () => 12345);
    assert.equal(experiment.spec.seed, 12345);
  });

  it('names the field path of a bad value', () => {
    const spec = valid();
    spec.runtimes[0]!.memory = 4096;
    const error = errorOf(spec);
    assert.ok(error instanceof InputError);
    assert.equal(error.place, 'runtimes[0].memory');
  });

  it('gives one line per bad field', () => {
    const error = errorOf({ ...valid(), repetitions: 0, cold: 'freezing' });
    const lines = error.message.split('\n');
    assert.equal(lines.length, 2, error.message);
    assert.ok(lines.some((line) => line.includes(': repetitions: ')));
    assert.ok(lines.some((line) => line.includes(': cold: ')));
    assert.match(errorOf({ ...valid(), concurrency: [1, 1] }).message, /: concurrency\[1\]: level 1 is listed twice/);
  });

  it('requires exactly one thing to deploy, matching the kind', () => {
    const both = valid() as Record<string, unknown> & { runtimes: Record<string, unknown>[] };
    both.runtimes[0]!.wasm = 'x.wasm';
    assert.match(errorOf(both).message, /runtimes\[0\]: expected exactly one of code, executable, wasm, action; found code, wasm/);
    const wrongKind = valid() as Record<string, unknown> & { runtimes: Record<string, unknown>[] };
    wrongKind.runtimes[0] = { name: 'n', kind: 'nodejs:20', memory: 256, executable: '/bin/true' };
    assert.match(errorOf(wrongKind).message, /runtimes\[0\]\.kind: an executable runs as kind "blackbox"/);
  });

  it('checks that named files exist, relative to the experiment file', () => {
    const spec = valid();
    spec.runtimes[0]!.code = 'missing.js';
    assert.match(errorOf(spec).message, /runtimes\[0\]\.code: no such file: missing\.js/);
  });

  it('rejects unknown fields and both params and paramsFile', () => {
    assert.match(errorOf({ ...valid(), repetition: 3 }).message, /repetition/);
    const folder = tempDir();
    writeFileSync(path.join(folder, 'p.json'), '[1]');
    const file = writeExperiment(folder, { ...valid(), paramsFile: 'p.json' });
    assert.throws(() => loadExperiment(file), /paramsFile: p\.json must hold a JSON object/);
    assert.match(errorOf({ ...valid(), params: {}, paramsFile: 'p.json' }).message, /paramsFile: give params or paramsFile, not both/);
  });

  it('allows open-loop batches past 200 calls and checks the arrival process', () => {
    const burst = errorOf({ ...valid(), concurrency: [300] });
    assert.match(burst.message, /concurrency\[0\]: at most 200 invocations at once/);
    const open = loadExperiment(writeExperiment(tempDir(), { ...valid(), concurrency: [300], arrivalRate: 1000, arrivals: 'poisson' }));
    assert.equal(open.spec.arrivals, 'poisson');
    assert.match(errorOf({ ...valid(), arrivals: 'fixed' }).message, /arrivals: arrivals applies to an open loop/);
    assert.match(errorOf({ ...valid(), arrivalRate: 10, arrivals: 'bursty' }).message, /arrivals:/);
    const { seed: _, ...unseeded } = valid();
    const drawn = loadExperiment(writeExperiment(tempDir(), { ...unseeded, order: 'sequential', arrivalRate: 10, arrivals: 'poisson' }), () => 42);
    assert.equal(drawn.spec.seed, 42, 'a Poisson schedule records the seed it was drawn from');
  });

  it('reads a params file', () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'p.json'), '{"size": 64}');
    const experiment = loadExperiment(writeExperiment(folder, { ...valid(), paramsFile: 'p.json' }));
    assert.deepEqual(experiment.params, { size: 64 });
  });

  it('reports bad JSON with the file name', () => {
    const folder = tempDir();
    const file = path.join(folder, 'bad.json');
    writeFileSync(file, '{"name": ');
    assert.throws(() => loadExperiment(file), (error: Error) => error instanceof InputError && error.message.startsWith(`${file}: not valid JSON`));
  });

  it('validates the shipped demo experiment', function () {
    const demo = path.join(repoRoot, 'data/experiments/demo.json');
    let experiment;
    try {
      experiment = loadExperiment(demo);
    } catch (error) {
      if (/no such file/.test(String(error))) this.skip(); // the actions are built by `make actions`
      throw error;
    }
    assert.deepEqual(experiment.spec.concurrency, [1, 2, 3, 4, 5]);
    assert.deepEqual(experiment.spec.runtimes.map((runtime) => runtime.kind), ['blackbox', 'wasm:0.1']);
  });
});
