// `owbench analyze` as a user runs it (spawned from source through tsx).
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import * as msg from '../../src/analyze/messages.js';
import { ingestFiles } from '../../src/ingest/index.js';
import type { Analysis } from '../../src/types.js';
import { needPeerData, runCli, sharedData } from '../helpers/cli.js';

const peer = (name: string) => (needPeerData(), path.join(sharedData, name));

describe('owbench analyze (CLI)', () => {
  it('prints the analysis of the peer\'s cold-start files as JSON, full precision', () => {
    const files = [peer('input_wasm_cold_start.json'), peer('input_vanilla_cold_start.json')];
    const result = runCli(['analyze', ...files, '--json']);
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    const printed = JSON.parse(result.stdout) as Analysis;
    assert.deepEqual(printed, JSON.parse(JSON.stringify(analyze(ingestFiles(files)))));
    const group = (runtime: string, c: number) => printed.groups.find((g) => g.runtime === runtime && g.concurrency === c)!;
    assert.equal(group('blackbox', 4).avg_total, 27562); // the peer's figure
    assert.equal(group('wasm:0.1', 3).avg_duration, 4627 / 3); // unrounded
    const speedup = printed.speedups.find((s) => s.concurrency === 4 && s.metric === 'avg_total')!;
    const { ci_low, ci_high, ...ratio } = speedup;
    assert.deepEqual(ratio, { baseline: 'blackbox', candidate: 'wasm:0.1', concurrency: 4, metric: 'avg_total', ratio: 27562 / 1567.75 });
    assert.ok(ci_low! > 1 && ci_low! < ratio.ratio && ratio.ratio < ci_high!, `${ci_low}–${ci_high}`);
  });

  it('prints the same bytes on every run: intervals, tests and trends included (seeded bootstrap)', () => {
    const files = [peer('input_wasm_cold_start.json'), peer('input_vanilla_cold_start.json')];
    const first = runCli(['analyze', ...files, '--json']);
    const second = runCli(['analyze', ...files, '--json']);
    assert.equal(first.status, 0);
    assert.equal(second.stdout, first.stdout);
    const printed = JSON.parse(first.stdout) as Analysis;
    assert.ok(printed.groups.some((g) => g.ci.avg_total !== null));
    assert.ok(printed.comparisons.length > 0 && printed.trends.length > 0 && printed.warnings.length > 0);
  });

  it('splits the prewarmed repetitions with --by repetition', () => {
    const result = runCli(['analyze', peer('input_wasm_prewarmed.json'), peer('input_vanilla_prewarmed.json'), '--by', 'repetition', '--json']);
    assert.equal(result.status, 0);
    const { groups } = JSON.parse(result.stdout) as Analysis;
    assert.deepEqual(groups.map((g) => `${g.runtime}#${g.repetition}`), [
      'blackbox#0', 'blackbox#1', 'blackbox#2', 'blackbox#3', 'blackbox#4',
      'wasm:0.1#0', 'wasm:0.1#1', 'wasm:0.1#2', 'wasm:0.1#3', 'wasm:0.1#4',
    ]);
    assert.deepEqual(groups.slice(5).map((g) => g.avg_duration), [1024, 1001, 1007, 976, 1035]);
  });

  it('prints a readable table without --json', () => {
    const result = runCli(['analyze', peer('input_wasm_cold_start.json'), peer('input_vanilla_cold_start.json'), '--baseline', 'wasm:0.1']);
    assert.equal(result.status, 0);
    // The runtimes differ in memory (512 and 256 MB): the table says so in a column.
    assert.match(result.stdout, /^runtime +memory_mb +concurrency +count +errors +cold +avg_init/m);
    assert.match(result.stdout, /^blackbox +512 +3 +3 +0 +2 +8860 +5946\.33 +14832 +407\.67 +6314\.33 +12260\.67 /m);
    assert.match(result.stdout, /^speedups over wasm:0\.1 /m);
  });

  it('labels a file without runtime names with --runtime', () => {
    const result = runCli(['analyze', peer('average_cold_start_vanilla.json'), '--runtime', 'blackbox', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const { groups } = JSON.parse(result.stdout) as Analysis;
    assert.deepEqual(groups.map((g) => [g.runtime, g.concurrency, g.avg_total]),
      [['blackbox', 1, 11409], ['blackbox', 2, 6099], ['blackbox', 3, 12260.67], ['blackbox', 4, 27562]]);
  });

  it('skips a bad record with --skip-invalid, warning on stderr', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-analyze-')), 'one-bad.json');
    writeFileSync(file, JSON.stringify([
      { kind: 'x', concurrency: 1, waitTime: 1, duration: 5 },
      { kind: 'x', concurrency: 1, waitTime: 1, duration: -5 },
      { kind: 'x', concurrency: 1, waitTime: 3, duration: 7 },
    ]));
    const strict = runCli(['analyze', file, '--json']);
    assert.equal(strict.status, 2);
    const lenient = runCli(['analyze', file, '--skip-invalid', '--json']);
    assert.equal(lenient.status, 0);
    assert.match(lenient.stderr, /^owbench: warning: .*one-bad\.json: \[1\]\.duration: /);
    const { groups } = JSON.parse(lenient.stdout) as Analysis;
    assert.deepEqual(groups.map((g) => [g.count, g.avg_total]), [[2, 8]]);
  });

  describe('bad input: exit 2, the message, no stack, nothing on stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'owbench-analyze-'));

    it('a file that is not JSON', () => {
      const file = path.join(dir, 'broken.json');
      writeFileSync(file, '[{"kind": "wasm:0.1", "duration": 12,');
      const result = runCli(['analyze', file, '--json']);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, new RegExp(`^owbench: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 1: .*truncated`));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });

    it('a record with a negative duration names its field path', () => {
      const file = path.join(dir, 'negative.json');
      writeFileSync(file, JSON.stringify([{ kind: 'x', concurrency: 1, waitTime: 1, duration: 5 }, { kind: 'x', concurrency: 1, waitTime: 1, duration: -5 }]));
      const result = runCli(['analyze', file]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^owbench: .*negative\.json: \[1\]\.duration: /);
      assert.equal(result.stdout, '');
    });

    it('a missing file', () => {
      const result = runCli(['analyze', path.join(dir, 'absent.json')]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^owbench: .*absent\.json: /);
    });

    it('an unknown --baseline, with the runtimes there are', () => {
      const result = runCli(['analyze', peer('input_wasm_prewarmed.json'), '--baseline', 'python:3']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `owbench: ${msg.unknownBaseline('python:3', ['wasm:0.1'])}\n`);
    });

    it('an unknown --by', () => {
      const result = runCli(['analyze', peer('input_wasm_prewarmed.json'), '--by', 'runtime,size']);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `owbench: ${msg.unknownGroupKey('size', ['runtime', 'function', 'action', 'memory', 'concurrency', 'repetition'])}\n`);
    });
  });
});
