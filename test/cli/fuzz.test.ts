// Fuzzing every input format (issue 15, item 2): seeded mutations of a small sample of each format
// of src/ingest/detect.ts, read through the CLI's own path (ingest → analyze → terminal table, or
// the error line). Every mutant must end as an analysis or as an exit-2 message naming the file,
// on one line without control characters: never a stack overflow, an out-of-memory abort or a hang.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze, formatAnalysis } from '../../src/analyze/index.js';
import { mulberry32 } from '../../src/analyze/prng.js';
import { terminalLine, terminalText } from '../../src/cli/terminal.js';
import { CliError } from '../../src/errors.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { runCli } from '../helpers/cli.js';
import { formatSamples } from './samples.js';
import { mutate } from './mutate.js';

/** Wall-clock budget of the in-process loop; the machine is shared, so it is a bound, not a target. */
const BUDGET_MS = 12_000;
const SEED = 15;

type Outcome = { kind: 'ok' } | { kind: 'error'; exitCode: number; line: string };

/** What `owbench analyze FILE` does, in process: the table on success, the message line on a CliError. */
function analyzeLikeCli(file: string): Outcome {
  try {
    const table = ingestFiles([file]);
    terminalText(formatAnalysis(analyze(table, {})));
    return { kind: 'ok' };
  } catch (error) {
    if (error instanceof CliError) return { kind: 'error', exitCode: error.exitCode, line: `owbench: ${terminalLine(error.message)}` };
    throw error;
  }
}

describe('cli: fuzzed inputs of every format', function () {
  this.timeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'owbench-fuzz-'));
  const samples = formatSamples();
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has a sample of every format detect.ts knows, each read without error', () => {
    const formats = new Set(Object.values(samples).map((s) => s.format));
    assert.deepEqual([...formats].sort(), [
      'activation-ndjson', 'activation-records', 'aggregate-json', 'aggregate-python', 'csv', 'flat-records',
      'grouped-by-concurrency', 'run-log', 'wsk-activation-get',
    ]);
    for (const [name, sample] of Object.entries(samples)) {
      const file = path.join(dir, `${name}.sample`);
      writeFileSync(file, sample.bytes);
      assert.deepEqual(analyzeLikeCli(file), { kind: 'ok' }, name);
      assert.equal(ingestFiles([file]).sources[0].format, sample.format, name);
    }
  });

  it('every mutant ends with an analysis or exit 2 naming the file, within the time bound', () => {
    const random = mulberry32(SEED);
    const started = Date.now();
    const names = Object.keys(samples);
    const tally = { ok: 0, error: 0 };
    let n = 0;
    while (Date.now() - started < BUDGET_MS) {
      const name = names[n % names.length];
      const mutant = mutate(samples[name].bytes, random);
      const file = path.join(dir, `${name}-${n}.mutant`);
      writeFileSync(file, mutant.bytes);
      let outcome: Outcome;
      try {
        outcome = analyzeLikeCli(file);
      } catch (error) {
        assert.fail(`mutant ${n} of ${name} (${mutant.how}) crashed: ${(error as Error).stack}`);
      }
      if (outcome.kind === 'error') {
        assert.equal(outcome.exitCode, 2, `mutant ${n} (${mutant.how}): ${outcome.line}`);
        assert.ok(outcome.line.startsWith(`owbench: ${file}:`), `mutant ${n} (${mutant.how}) does not name the file: ${outcome.line.slice(0, 300)}`);
        assert.doesNotMatch(outcome.line, /[\u0000-\u001f\u007f-\u009f]/, `mutant ${n} (${mutant.how})`);
        assert.ok(outcome.line.length < 2000, `mutant ${n} (${mutant.how}): a message of ${outcome.line.length} characters`);
      }
      tally[outcome.kind]++;
      n++;
    }
    assert.ok(n >= names.length * 5, `only ${n} mutants in ${BUDGET_MS} ms`);
    assert.ok(tally.error > 0 && tally.ok > 0, JSON.stringify(tally));
    if (process.env.OWBENCH_FUZZ_VERBOSE) console.log(`${n} mutants: ${JSON.stringify(tally)}`);
  });

  it('the CLI itself: hostile mutants exit 2 with the file named and no stack', () => {
    const random = mulberry32(SEED + 1);
    for (const name of ['flat', 'python', 'csv']) {
      const file = path.join(dir, `${name}-cli.mutant`);
      writeFileSync(file, mutate(samples[name].bytes, random, 'hostile').bytes);
      const result = runCli(['analyze', file]);
      assert.ok(result.status === 0 || result.status === 2, `${name}: exit ${result.status}: ${result.stderr}`);
      if (result.status === 2) assert.ok(result.stderr.startsWith(`owbench: ${file}:`), result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'a stack trace');
      assert.doesNotMatch(result.stdout + result.stderr, /[\u001b\u0007\u009b]/, 'a raw control character on the terminal');
    }
  });
});
