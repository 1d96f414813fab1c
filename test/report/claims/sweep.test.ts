import assert from 'node:assert/strict';
import { buildReportModel } from '../../../src/report/build.js';
import { sweepClaims, type SweepClaims } from '../../../src/report/claims/sweep.js';
import { reportGroups } from '../../../src/report/groups.js';
import { aggregate, analyzed, row, tableOf } from '../tables.js';

function sweep(totals: Record<string, Array<[number, number, number?]>>, baseline: string): SweepClaims {
  // [concurrency, avg_total, avg_init?] per runtime, as aggregate rows (one run per level).
  const rows = Object.entries(totals).flatMap(([runtime, levels]) =>
    levels.map(([concurrency, total, init]) =>
      aggregate(runtime, concurrency, { avg_total: total, avg_duration: total - 10, max_wait: 10 * concurrency, avg_init: init ?? 100 })),
  );
  return buildReportModel(...analyzed(tableOf([], rows), baseline), { template: 'sweep', baseline }).claims as SweepClaims;
}

describe('report/claims/sweep', () => {
  it('names one winner only when it is faster at every shared level; "up to" is the real maximum', () => {
    const claims = sweep({ slow: [[1, 1000], [2, 3000], [3, 2000]], fast: [[1, 400], [2, 500], [3, 900], [4, 100]] }, 'slow');
    const total = claims.comparisons[0].total;
    assert.equal(total?.winner?.id, 'fast');
    assert.deepEqual([total?.max.concurrency, total?.max.factor], [2, 6]);
    assert.deepEqual([total?.min.concurrency, total?.min.factor], [3, 2.2]);
    // Pre-aggregated rows: no test, so "up to" (a description) but never "order of magnitude".
    assert.equal(claims.comparisons[0].words.up_to, true);
    assert.equal(claims.comparisons[0].words.order_of_magnitude, false);
    assert.equal(claims.comparisons[0].tests.tested, false);
    assert.deepEqual(claims.missing.map((m) => [m.runtime.id, m.levels]), [['slow', [4]]]);
  });

  it('is mixed when each runtime wins somewhere, and recommends nothing', () => {
    const claims = sweep({ a: [[1, 1000], [2, 3000]], b: [[1, 2000], [2, 1000]] }, 'a');
    const comparison = claims.comparisons[0];
    assert.equal(comparison.total?.winner, null);
    assert.deepEqual(comparison.total?.wins.map((w) => [w.runtime.id, w.levels]), [['a', [1]], ['b', [2]]]);
    assert.deepEqual(comparison.recommend.items, []);
  });

  it('treats a difference under 10% as a tie: no winner', () => {
    const claims = sweep({ a: [[1, 1000], [2, 1000]], b: [[1, 950], [2, 500]] }, 'a');
    assert.equal(claims.comparisons[0].total?.winner, null);
    assert.deepEqual(claims.comparisons[0].total?.ties, [1]);
  });

  it('trends need a 20% change; monotone only when every step agrees', () => {
    const claims = sweep({ a: [[1, 1000], [2, 1100], [3, 1150]], b: [[1, 1000], [2, 1300], [3, 1600]], c: [[1, 1000], [2, 700], [3, 800]] }, 'a');
    const direction = (id: string) => claims.trends.find((t) => t.runtime.id === id)?.total;
    assert.equal(direction('a')?.direction, 'flat');
    assert.deepEqual([direction('b')?.direction, direction('b')?.monotone, direction('b')?.factor], ['rises', true, 1.6]);
    assert.deepEqual([direction('c')?.direction, direction('c')?.monotone, direction('c')?.change_percent], ['falls', false, 20]);
  });

  it('degrade names the first level whose total reaches 2× the first level\'s; the document drops it when no test backs the preference', () => {
    const totals: Record<string, Array<[number, number]>> = { slow: [[1, 1000], [2, 1500], [3, 2100], [4, 5000]], fast: [[1, 100], [2, 100], [3, 100], [4, 100]] };
    const rows = Object.entries(totals).flatMap(([runtime, levels]) =>
      levels.map(([concurrency, total]) => aggregate(runtime, concurrency, { avg_total: total, avg_duration: total - 10, max_wait: 10 * concurrency, avg_init: 100 })));
    const [table, analysis] = analyzed(tableOf([], rows), 'slow');
    const runtimes = ['slow', 'fast'].map((id) => ({ id, label: id }));
    const ungated = sweepClaims(reportGroups(table, analysis), runtimes, runtimes[0], [1, 2, 3, 4]);
    assert.deepEqual(ungated.comparisons[0].recommend.degrade, { from_level: 3, base_level: 1, factor: 2.1 });
    const gated = sweep(totals, 'slow').comparisons[0].recommend;
    assert.deepEqual([gated.prefer, gated.degrade, gated.items], [false, null, []]);
  });

  it('has no caveat with three runs or more per level', () => {
    const rows = [0, 1, 2].flatMap((repetition) => [
      row({ runtime: 'a', repetition, init_ms: 100, duration_ms: 1000, wait_ms: 5 }),
      row({ runtime: 'b', repetition, init_ms: 10, duration_ms: 200, wait_ms: 5 }),
    ]);
    const claims = buildReportModel(...analyzed(tableOf(rows))).claims as SweepClaims;
    assert.deepEqual(claims.few_runs, { holds: false, runs: 3 });
  });
});
