import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { UsageError } from '../../src/errors.js';
import * as msg from '../../src/analyze/messages.js';
import { noIntervals } from '../../src/analyze/intervals.js';
import type { GroupFigures } from '../../src/types.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { needPeerData, peerLazy, sharedData } from '../helpers/cli.js';
import { aggregate, row, table } from './table.js';

const near = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

const noFailures = {
  'application error': 0, 'action developer error': 0, 'whisk internal error': 0, timeout: 0, throttled: 0, lost: 0,
};
const noneMissing = { wait_ms: 0, duration_ms: 0, exec_ms: 0, total_ms: 0 };
const single = (wait: number, duration: number, exec: number, total: number) => ({
  max_wait: wait, avg_wait: wait, avg_duration: duration, avg_exec: exec, avg_total: total,
  p50_total: total, p90_total: total, p95_total: total, p99_total: total, max_total: total, missing: noneMissing,
});

describe('analyze: group figures (DESIGN.md §2.3)', () => {
  // One cold and one warm success, one failure: every figure by hand.
  const rows = [
    row({ runtime: 'wasm:0.1', wait: 10, init: 100, duration: 300 }), // exec 200, total 310
    row({ runtime: 'wasm:0.1', wait: 20, duration: 150 }), // warm: exec 150, total 170
    row({ runtime: 'wasm:0.1', wait: 5000, duration: 9, status: 'application error' }),
  ];

  it('computes latency over successes only and counts the failure', () => {
    const [g] = analyze(table(rows)).groups;
    assert.deepEqual(
      { ...g, p90_total: null, p95_total: null, p99_total: null, ci: noIntervals() },
      {
        runtime: 'wasm:0.1', function: null, memory_mb: null, concurrency: 1, count: 2, errors: 1, cold: 1,
        failures: { ...noFailures, 'application error': 1 }, missing: noneMissing, in_composition: 0,
        avg_init: 100, max_wait: 20, avg_wait: 15, avg_duration: 225, avg_exec: 175, avg_total: 240,
        p50_total: 240, p90_total: null, p95_total: null, p99_total: null, max_total: 310,
        avg_cold_cost: 10 + 100, ci: noIntervals(),
        // Two activations in one run: too few for the mean total's interval at the unit.
        mean_total: { unit: 'activation', runs: 1, activations: 2, ci: null, no_interval: 'too few activations' },
        // One activation each: every figure of a part is that activation's value.
        parts: {
          cold: { count: 1, avg_init: 100, ...single(10, 300, 200, 310) },
          warm: { count: 1, avg_init: null, ...single(20, 150, 150, 170) },
        },
      } satisfies GroupFigures,
    );
    near(g.p90_total, 170 + 0.9 * 140);
    near(g.p95_total, 170 + 0.95 * 140);
    near(g.p99_total, 170 + 0.99 * 140);
  });

  it('gives two-value means the interval from one value to the other, and nothing to single values or thin tails', () => {
    // Resampling {a, b} gives means a, (a+b)/2 and b with chances 1/4, 1/2, 1/4: the 2.5% and
    // 97.5% points of 2000 resamples are a and b (hand reasoning; not the seed's luck).
    const { ci } = analyze(table(rows)).groups[0];
    assert.deepEqual(ci.avg_wait, [10, 20]);
    assert.deepEqual(ci.avg_total, [170, 310]);
    assert.deepEqual(ci.avg_exec, [150, 200]);
    assert.equal(ci.avg_init, null); // one cold activation
    assert.equal(ci.avg_cold_cost, null);
    assert.equal(ci.p50_total, null); // 1 activation beyond the median: 20 needed
    const { warnings } = analyze(table(rows));
    assert.ok(warnings.includes(msg.tooFewValues(['avg_init', 'avg_cold_cost'], [{ runtime: 'wasm:0.1', concurrency: 1 }])), warnings.join('\n'));
  });

  it('gives avg_init null, not 0, when no activation was cold', () => {
    const [g] = analyze(table([row({ runtime: 'x', wait: 1, duration: 2 })])).groups;
    assert.equal(g.cold, 0);
    assert.equal(g.avg_init, null);
  });

  it('keeps a group whose activations all failed, with nulls for its latencies', () => {
    const [g] = analyze(table([row({ runtime: 'x', wait: 1, duration: 2, status: 'timeout' })])).groups;
    assert.equal(g.count, 0);
    assert.equal(g.errors, 1);
    assert.equal(g.avg_total, null);
    assert.equal(g.p95_total, null);
    assert.equal(g.max_wait, null);
  });

  it('skips missing values per column (a row without waitTime still counts for duration)', () => {
    const [g] = analyze(table([
      row({ runtime: 'x', wait: null, duration: 100 }),
      row({ runtime: 'x', wait: 10, duration: 200 }),
    ])).groups;
    assert.equal(g.count, 2);
    assert.equal(g.avg_duration, 150);
    assert.equal(g.avg_wait, 10);
    assert.equal(g.avg_total, 210);
    assert.equal(g.p50_total, 210);
  });

  it('sorts groups by runtime (string order) then concurrency', () => {
    const { groups } = analyze(table([
      row({ runtime: 'wasm:0.1', concurrency: 10, wait: 1, duration: 1 }),
      row({ runtime: 'blackbox', concurrency: 2, wait: 1, duration: 1 }),
      row({ runtime: 'wasm:0.1', concurrency: 9, wait: 1, duration: 1 }),
      row({ runtime: 'Zed', concurrency: 1, wait: 1, duration: 1 }),
      row({ runtime: 'blackbox', concurrency: 1, wait: 1, duration: 1 }),
    ]));
    assert.deepEqual(groups.map((g) => `${g.runtime}@${g.concurrency}`),
      ['Zed@1', 'blackbox@1', 'blackbox@2', 'wasm:0.1@9', 'wasm:0.1@10']);
  });

  it('splits groups per repetition with by: repetition', () => {
    const reps = [0, 1, 1, 0].map((repetition, i) => row({ runtime: 'x', repetition, wait: i, duration: 10 * i }));
    const { groups } = analyze(table(reps), { by: 'repetition' });
    assert.deepEqual(groups.map((g) => [g.repetition, g.count, g.avg_duration]), [[0, 2, 15], [1, 2, 15]]);
    assert.equal(analyze(table(reps)).groups[0].repetition, undefined);
  });
});

describe('analyze: speedups', () => {
  const rows = [
    row({ runtime: 'wasm:0.1', concurrency: 1, wait: 50, init: 100, duration: 400 }),
    row({ runtime: 'blackbox', concurrency: 1, wait: 200, init: 800, duration: 1200 }),
    row({ runtime: 'blackbox', concurrency: 2, wait: 300, duration: 400 }),
    row({ runtime: 'wasm:0.1', concurrency: 2, wait: 30, duration: 500 }),
    row({ runtime: 'wasm:0.1', concurrency: 3, wait: 30, duration: 500 }), // no baseline at 3
  ];

  it('divides baseline by candidate per shared level and overall, for the metrics both have', () => {
    const { speedups } = analyze(table(rows));
    const at = (c: number | null) => Object.fromEntries(speedups.filter((s) => s.concurrency === c).map((s) => [s.metric, s.ratio]));
    assert.ok(speedups.every((s) => s.baseline === 'blackbox' && s.candidate === 'wasm:0.1'));
    assert.deepEqual(at(1), {
      avg_init: 8, avg_wait: 4, avg_cold_cost: 1000 / 150, avg_exec: 400 / 300, avg_duration: 3, avg_total: 1400 / 450,
      p50_total: 1400 / 450, p95_total: 1400 / 450,
    });
    // warm at 2: no avg_init or cold cost on either side
    assert.deepEqual(at(2), { avg_wait: 10, avg_exec: 0.8, avg_duration: 0.8, avg_total: 700 / 530, p50_total: 700 / 530, p95_total: 700 / 530 });
    assert.deepEqual(at(3), {});
    // overall pools every activation of a runtime: blackbox wait (200+300)/2, wasm (50+30+30)/3
    const overall = at(null);
    assert.equal(overall.avg_init, 8);
    assert.equal(overall.avg_wait, 250 / (110 / 3));
    assert.equal(overall.avg_duration, 800 / (1400 / 3));
    assert.ok(overall.p95_total > 0);
    assert.deepEqual(speedups.map((s) => s.concurrency), [...Array(8).fill(1), ...Array(6).fill(2), ...Array(8).fill(null)]);
    // one activation per level: no interval at a level; overall, blackbox has 2 and wasm 3 activations
    assert.ok(speedups.filter((s) => s.concurrency !== null).every((s) => s.ci_low === null && s.ci_high === null));
    const overallWait = speedups.find((s) => s.concurrency === null && s.metric === 'avg_wait')!;
    assert.ok(overallWait.ci_low! <= overallWait.ratio && overallWait.ratio <= overallWait.ci_high!);
  });

  it('takes --baseline, else blackbox, else the first runtime in input order', () => {
    assert.ok(analyze(table(rows), { baseline: 'wasm:0.1' }).speedups.every((s) => s.baseline === 'wasm:0.1'));
    const noBlackbox = rows.map((r) => (r.runtime === 'blackbox' ? { ...r, runtime: 'nodejs:20' } : r));
    assert.ok(analyze(table(noBlackbox)).speedups.every((s) => s.baseline === 'wasm:0.1'));
  });

  it('rejects an unknown --baseline, naming the runtimes there are', () => {
    assert.throws(() => analyze(table(rows), { baseline: 'python:3' }), (error: unknown) =>
      error instanceof UsageError && error.message === msg.unknownBaseline('python:3', ['wasm:0.1', 'blackbox']));
    assert.match(msg.unknownBaseline('python:3', ['wasm:0.1', 'blackbox']), /"wasm:0\.1", "blackbox"/);
  });

  it('leaves out a ratio over zero rather than writing Infinity', () => {
    const { speedups } = analyze(table([
      row({ runtime: 'blackbox', wait: 5, duration: 10 }),
      row({ runtime: 'wasm:0.1', wait: 0, duration: 10 }),
    ]));
    assert.ok(!speedups.some((s) => s.metric === 'avg_wait'));
    assert.ok(speedups.every((s) => Number.isFinite(s.ratio)));
  });
});

describe('analyze: pre-aggregated rows', () => {
  const seedLike = [
    aggregate({ runtime: 'wasm:0.1', concurrency: 1, count: 1, avg_init: 1038, max_wait: 296, avg_duration: 2154, avg_total: 2450 }),
    aggregate({ runtime: 'wasm:0.1', concurrency: 2, count: 2, avg_init: 1149, max_wait: 271, avg_duration: 1715.5, avg_total: 1860 }),
    aggregate({ runtime: 'blackbox', concurrency: 1, count: 1, avg_init: 8567, max_wait: 2459, avg_duration: 8950, avg_total: 11409 }),
    aggregate({ runtime: 'blackbox', concurrency: 2, count: 2, avg_init: 8661, max_wait: 2748, avg_duration: 4719, avg_total: 6099 }),
  ];

  it('keeps the fields they have, derives exec only where exact, and nulls the rest', () => {
    const { groups } = analyze(table([], seedLike));
    const wasm1 = groups.find((g) => g.runtime === 'wasm:0.1' && g.concurrency === 1)!;
    assert.deepEqual(wasm1, {
      runtime: 'wasm:0.1', function: null, memory_mb: null, concurrency: 1, count: 1, errors: null, cold: 1,
      failures: null, missing: null, parts: { cold: null, warm: null }, in_composition: null,
      avg_init: 1038, max_wait: 296, avg_wait: null, avg_duration: 2154, avg_exec: 2154 - 1038, avg_total: 2450,
      p50_total: null, p90_total: null, p95_total: null, p99_total: null, max_total: null,
      avg_cold_cost: null, ci: noIntervals(),
    });
    const wasm2 = groups.find((g) => g.runtime === 'wasm:0.1' && g.concurrency === 2)!;
    assert.equal(wasm2.cold, null); // one or two of the two were cold: unknown
    assert.equal(wasm2.avg_exec, null);
  });

  it('treats avg_init "N/A" as unknown, never 0: the cold count and exec are unknown too (issue 10)', () => {
    const [g] = analyze(table([], [aggregate({ runtime: 'x', concurrency: 1, count: 3, avg_init: null, max_wait: 9, avg_duration: 380, avg_total: 390 })])).groups;
    assert.equal(g.cold, null);
    assert.equal(g.avg_exec, null);
    assert.deepEqual(g.parts, { cold: null, warm: null });
    // The peer's prewarmed averages print avg_init "N/A": how many were cold is not known from them.
    needPeerData();
    const peer = analyze(ingestFiles([{ path: path.join(sharedData, 'average_prewarmed_wasm.json'), runtime: 'wasm:0.1' }])).groups;
    assert.ok(peer.length > 0 && peer.every((p) => p.cold === null && p.avg_exec === null && p.avg_init === null));
  });

  it('pools rows of one level (count-weighted), and keeps them apart by repetition', () => {
    const reps = [376, 397, 380].map((d, i) => aggregate({ runtime: 'x', concurrency: 1, count: 1, avg_init: null, max_wait: 10 + i, avg_duration: d, avg_total: d + 10 + i }));
    const [pooled] = analyze(table([], reps)).groups;
    assert.equal(pooled.count, 3);
    assert.equal(pooled.max_wait, 12);
    assert.equal(pooled.avg_duration, (376 + 397 + 380) / 3);
    const split = analyze(table([], reps), { by: 'repetition' }).groups;
    assert.deepEqual(split.map((g) => [g.repetition, g.avg_duration]), [[0, 376], [1, 397], [2, 380]]);
  });

  it('compares speedups on the figures they have; overall from count-weighted means', () => {
    const { speedups } = analyze(table([], seedLike));
    const metrics = (c: number | null) => speedups.filter((s) => s.concurrency === c).map((s) => s.metric);
    assert.deepEqual(metrics(1), ['avg_init', 'avg_exec', 'avg_duration', 'avg_total']);
    assert.deepEqual(metrics(2), ['avg_init', 'avg_duration', 'avg_total']);
    const overallTotal = speedups.find((s) => s.concurrency === null && s.metric === 'avg_total')!;
    assert.equal(overallTotal.ratio, ((11409 + 2 * 6099) / 3) / ((2450 + 2 * 1860) / 3));
  });

  it('refuses raw and pre-aggregated data for the same runtime and level', () => {
    assert.throws(
      () => analyze(table([row({ runtime: 'wasm:0.1', wait: 1, duration: 1 })], seedLike)),
      (error: unknown) => error instanceof UsageError && error.message === msg.rawAndAggregated('wasm:0.1', 1),
    );
  });
});

describe('analyze: rank tests per level (issue 7)', () => {
  const peer = (name: string) => (needPeerData(), path.join(sharedData, name));
  const warmAnalysis = peerLazy(() => analyze(ingestFiles([peer('input_vanilla_prewarmed.json'), peer('input_wasm_prewarmed.json')])), 'object');

  it('finds the peer\'s warm wasm slower to execute: 5 vs 5 untied, exact p = 2 / C(10, 5), δ = −1', () => {
    const { comparisons, warnings } = warmAnalysis;
    const exec = comparisons.find((c) => c.metric === 'exec_ms')!;
    assert.deepEqual(
      { ...exec, p: null, p_adjusted: null },
      {
        baseline: 'blackbox', candidate: 'wasm:0.1', concurrency: 1, metric: 'exec_ms', n_baseline: 5, n_candidate: 5,
        u: 0, p: null, p_adjusted: null, method: 'exact', cliffs_delta: -1, magnitude: 'large', significant: true,
      },
    );
    near(exec.p, 2 / 252);
    near(exec.p_adjusted, 2 / 252); // one level: Holm changes nothing
    assert.equal(comparisons.find((c) => c.metric === 'init_ms'), undefined); // warm: no init to compare
    assert.deepEqual(warnings.filter((w) => /rank test/.test(w)), []);
  });

  it('corrects across levels with Holm, per metric', () => {
    // Three levels, 4 vs 4 untied, candidate always faster: each exact p = 2/70; Holm: ×3, ×2, ×1 then monotone.
    const rows = [1, 2, 3].flatMap((c) => [0, 1, 2, 3].flatMap((i) => [
      row({ runtime: 'blackbox', concurrency: c, wait: 0, duration: 100 + i + c / 10 }),
      row({ runtime: 'wasm:0.1', concurrency: c, wait: 0, duration: 10 + i + c / 10 }),
    ]));
    const totals = analyze(table(rows)).comparisons.filter((c) => c.metric === 'total_ms');
    assert.deepEqual(totals.map((c) => c.concurrency), [1, 2, 3]);
    totals.forEach((c) => {
      near(c.p, 2 / 70);
      near(c.p_adjusted, 3 * (2 / 70)); // equal p-values: all take the first step's ×3
      assert.equal(c.significant, false);
      assert.equal(c.cliffs_delta, 1);
    });
  });

  it('warns where a rank test cannot reach p < 0.05 whatever the data', () => {
    const rows = [row({ runtime: 'blackbox', wait: 1, duration: 10 }), row({ runtime: 'wasm:0.1', wait: 1, duration: 5 })];
    const analysis = analyze(table(rows));
    assert.equal(analysis.comparisons.find((c) => c.metric === 'total_ms')!.p, 1);
    assert.ok(analysis.warnings.includes(msg.powerlessTests([{ runtime: 'wasm:0.1', concurrency: 1 }])));
  });

  it('gives pre-aggregated rows no interval, test or per-activation trend, and says so', () => {
    const seedLike = [1, 2, 3].flatMap((c) => [
      aggregate({ runtime: 'blackbox', concurrency: c, count: 2, avg_init: 8000, max_wait: 2000, avg_duration: 9000, avg_total: 11000 + c }),
      aggregate({ runtime: 'wasm:0.1', concurrency: c, count: 2, avg_init: 1000, max_wait: 200, avg_duration: 2000, avg_total: 2200 + c }),
    ]);
    const analysis = analyze(table([], seedLike));
    assert.ok(analysis.groups.every((g) => Object.values(g.ci).every((v) => v === null)));
    assert.ok(analysis.speedups.every((s) => s.ci_low === null && s.ci_high === null));
    assert.deepEqual(analysis.comparisons, []);
    assert.deepEqual(analysis.trends.map((t) => t.metric), ['avg_total', 'avg_total']);
    assert.equal(analysis.warnings[0], msg.noDistribution(analysis.groups));
    assert.match(analysis.warnings[0], /^pre-aggregated rows carry no distribution: no confidence intervals/);
  });
});
