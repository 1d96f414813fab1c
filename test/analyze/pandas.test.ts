// Every §2.3 field against pandas/numpy (bench/analyze/reference.py, run by /usr/bin/python3) on a
// generated flat file: three runtimes, warm and cold rows, failures, a group with no successes,
// records without waitTime, and fractional times so that summation order and interpolation show;
// then (issue 10) two functions at two memory sizes under one runtime, numbered and per-trial
// action names, records without concurrency: the group keys and the cold/warm parts.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFiles } from '../../src/ingest/index.js';
import type { Analysis } from '../../src/types.js';
import { writeFlatRecords } from '../../bench/analyze/flat-records.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { pandasMissing, runPython } from './python.js';

const reference = path.join(repoRoot, 'bench/analyze/reference.py');

describe('analyze agrees with pandas/numpy on every field', function () {
  this.timeout(120_000);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-pandas-')), 'flat.json');

  before(function () {
    const missing = pandasMissing();
    if (missing) {
      console.warn(`      skipped: ${missing}`);
      this.skip();
    }
    writeFlatRecords(file, { count: 30_000, seed: 2024, fractional: true, failedGroup: true, missingWait: true });
  });

  const compare = (args: string[], options: Parameters<typeof analyze>[1] | 'cli', input = file, groups = 30) => {
    const ours = JSON.parse(options === 'cli'
      ? runCli(['analyze', input, ...args, '--json']).stdout
      : JSON.stringify(analyze(ingestFiles([input]), options))) as Analysis;
    const theirs = JSON.parse(runPython([reference, input, ...args])) as Analysis;
    assert.equal(ours.groups.length, groups);
    // pandas has no seeded bootstrap: the point figures are compared here, intervals elsewhere.
    assert.deepEqual(ours.groups.map(({ ci, mean_total, ...figures }) => figures), theirs.groups);
    assert.deepEqual(ours.speedups.map(({ ci_low, ci_high, ...ratio }) => ratio), theirs.speedups);
    assert.ok(ours.groups.every((g) => g.count < 2 || g.ci.avg_total !== null));
    return ours;
  };

  it('owbench analyze --json, with the default baseline (blackbox)', () => {
    const ours = compare([], 'cli');
    const failedGroup = ours.groups.find((g) => g.runtime === 'nodejs:20' && g.concurrency === 10)!;
    assert.equal(failedGroup.count, 0);
    assert.ok(failedGroup.errors! > 0);
    assert.ok(ours.groups.some((g) => g.errors! > 0 && g.count > 0));
    assert.ok(ours.groups.every((g) => g.cold! > 0 && g.cold! < g.count || g.count === 0));
    assert.equal(ours.speedups.filter((s) => s.concurrency === null).length, 16);
  });

  it('analyze() with baseline wasm:0.1', () => {
    compare(['--baseline', 'wasm:0.1'], { baseline: 'wasm:0.1' });
  });

  it('groups by (runtime, function, memory, concurrency), cold and warm apart, on real-shaped names', () => {
    const configured = path.join(path.dirname(file), 'configured.json');
    writeFlatRecords(configured, { count: 30_000, seed: 2024, fractional: true, failedGroup: true, missingWait: true, configurations: true });
    const ours = compare([], 'cli', configured, 44);
    const configurations = [...new Set(ours.groups.map((g) => `${g.runtime} ${g.function} ${g.memory_mb}`))].sort();
    assert.deepEqual(configurations, [
      'blackbox owbench-0123abcd-blackbox 512', 'nodejs:20 resize 256', 'nodejs:20 thumb 512', 'wasm:0.1 classify 256',
    ]);
    assert.ok(ours.groups.some((g) => g.concurrency === null && g.count > 0));
    assert.ok(ours.groups.every((g) => g.parts.cold!.count + g.parts.warm!.count === g.count));
    assert.ok(ours.groups.some((g) => g.missing!.total_ms > 0));
    assert.ok(ours.groups.some((g) => g.failures!.timeout > 0));
    // nodejs:20 holds two configurations: compared nowhere, never pooled.
    assert.ok(ours.speedups.every((s) => s.candidate !== 'nodejs:20' && s.baseline !== 'nodejs:20'));
    assert.ok(ours.speedups.every((s) => s.concurrency !== null || s.candidate === 'wasm:0.1'));
  });
});
