import assert from 'node:assert/strict';
import { pairClaims } from '../../../src/report/claims/pair.js';
import { row } from '../tables.js';
import { buildReportModel } from '../../../src/report/build.js';
import { renderReport } from '../../../src/report/render.js';
import { analyzed, tableOf } from '../tables.js';
import { analyze } from '../../../src/analyze/index.js';
import { ingestText } from '../../../src/ingest/index.js';

const label = (id: string) => id;

describe('report/claims/pair', () => {
  it('compares execution separately from duration (the seed pair, by hand)', () => {
    const claims = pairClaims(
      [
        row({ runtime: 'blackbox', memory_mb: 512, init_ms: 8130, duration_ms: 8511, wait_ms: 2330, label: 'hen', confidence: 0.6041240692138672 }),
        row({ runtime: 'wasm:0.1', memory_mb: 256, init_ms: 1044, duration_ms: 2110, wait_ms: 224, label: 'hen', confidence: 0.6030619144439697 }),
      ],
      label,
    );
    assert.deepEqual(claims.runs.map((r) => r.exec_ms), [381, 1066]);
    assert.deepEqual(claims.runs.map((r) => r.total_ms), [10841, 2334]);
    assert.equal(claims.duration?.factor, 4.0);
    assert.equal(claims.duration?.lower.name, 'Run #2');
    assert.equal(claims.exec?.factor, 2.8);
    assert.equal(claims.exec?.lower.name, 'Run #1');
    assert.equal(claims.duration_hides_exec, true);
    assert.equal(claims.total?.factor, 4.6);
    assert.equal(claims.wait?.factor, 10.4);
    assert.deepEqual(claims.memory, { less: { name: 'Run #2', mb: 256 }, more: { name: 'Run #1', mb: 512 }, factor: 2, half: true, less_is_faster: true });
    // 0.6041240692 − 0.6030619144, from the unrounded scores.
    assert.deepEqual(claims.prediction, { same_label: true, confidence_difference: 0.0011, similar_confidence: true });
    assert.deepEqual(claims.runs.map((r) => r.confidence), [0.6041, 0.6031]);
  });

  it('says "about the same" within 10%, and nothing hides when duration and execution agree', () => {
    const claims = pairClaims(
      [
        row({ runtime: 'a', init_ms: 100, duration_ms: 1000, wait_ms: 50 }),
        row({ runtime: 'b', init_ms: 95, duration_ms: 500, wait_ms: 52 }),
      ],
      label,
    );
    assert.equal(claims.init?.same, true);
    assert.equal(claims.wait?.same, true);
    assert.equal(claims.exec?.lower.name, 'Run #2');
    assert.equal(claims.duration_hides_exec, false);
    assert.equal(claims.memory, null);
    assert.equal(claims.prediction, null);
  });

  it('has no init comparison when a run is warm, and no factor against a zero time', () => {
    const claims = pairClaims(
      [row({ runtime: 'a', init_ms: 100, duration_ms: 1000, wait_ms: 0 }), row({ runtime: 'b', duration_ms: 400, wait_ms: 3 })],
      label,
    );
    assert.equal(claims.both_cold, false);
    assert.equal(claims.init, null);
    assert.equal(claims.wait, null);
    assert.equal(claims.runs[1].init_ms, null);
    assert.equal(claims.runs[1].exec_ms, 400);
  });
});

describe('report/claims/pair: a missing or zero time, rendered', () => {
  const render = (wait: [number | null, number | null]) => renderReport(buildReportModel(...analyzed(tableOf([
    row({ runtime: 'blackbox', concurrency: 1, init_ms: 300, duration_ms: 350, wait_ms: wait[0] }),
    row({ runtime: 'wasm', concurrency: 1, init_ms: 30, duration_ms: 140, wait_ms: wait[1] }),
  ]), 'blackbox'), { template: 'pair' }));

  it('a zero wait is shown, not called missing', () => {
    const markdown = render([0, 8]);
    assert.match(markdown, /^- `waitTime` was 0 ms in Run #1 and 8 ms in Run #2 \(no ratio with a zero wait\)\.$/m);
    assert.doesNotMatch(markdown, /has no `waitTime`/);
  });

  it('a missing wait says which comparison cannot be made, without "for both runs"', () => {
    // Read as a user's CSV is: a row without a wait has no total either (ingest/row.ts).
    const table = ingestText('runtime,concurrency,wait,init,duration\nblackbox,1,,300,350\nwasm,1,8,30,140\n', 'pair/no-wait.csv');
    const markdown = renderReport(buildReportModel(table, analyze(table, { baseline: 'blackbox' }), { template: 'pair' }));
    assert.match(markdown, /^- At least one run's record has no `waitTime`: nothing to compare\.$/m);
    assert.match(markdown, /^- At least one run's record has no wait time or duration: no end-to-end comparison\.$/m);
    assert.doesNotMatch(markdown, /for both runs/);
  });
});
