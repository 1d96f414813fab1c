// A comparison the data cannot make: one runtime measured only in warm activations, the other only
// in cold starts (a prewarmed baseline against a cold candidate, say). Cold and warm are never
// compared, so the document compares nothing, and says why, instead of a "2× lower" that is the
// cost of a start and activation-level tests that pool a run's activations.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/index.js';
import { mulberry32, normal } from '../../src/analyze/prng.js';
import { chartFigures } from '../../src/charts/figures.js';
import { ingestText } from '../../src/ingest/index.js';
import { findContradictions } from '../../src/report/check/consistency.js';
import { buildReportModel, renderReport } from '../../src/report/index.js';

/** rt0 warm only, rt1 cold only (same execution time), 6 runs of 5 activations at each level. */
function recordsApart(levels: number[], seed: number): Array<Record<string, unknown>> {
  const u = mulberry32(seed);
  const time = (median: number) => Math.round(median * Math.exp(0.2 * normal(u)) * 100) / 100;
  const out: Array<Record<string, unknown>> = [];
  for (const runtime of ['rt0', 'rt1']) {
    for (const concurrency of levels) {
      for (let repetition = 1; repetition <= 6; repetition++) {
        for (let i = 0; i < 5; i++) {
          const init = runtime === 'rt1' ? time(40) : null;
          out.push({ runtime, concurrency, repetition, waitTime: time(10), initTime: init, duration: Math.round(((init ?? 0) + time(30)) * 100) / 100, status: 'success' });
        }
      }
    }
  }
  return out;
}

function documentOf(levels: number[]) {
  const table = ingestText(JSON.stringify(recordsApart(levels, 42)), 'apart/records.json');
  const analysis = analyze(table, { baseline: 'rt0' });
  const model = buildReportModel(table, analysis);
  return { analysis, model, markdown: renderReport(model) };
}

describe('report: runtimes measured in different regimes (one warm only, one cold only)', () => {
  const { analysis, model, markdown } = documentOf([1, 2]);

  it('has no test at the unit, and the document shows none of the activation-level ones', () => {
    assert.equal(analysis.inference?.comparisons.length, 0);
    assert.ok(analysis.comparisons.some((c) => c.significant), 'analyze\'s activation-level rank test pools the regimes and finds them apart');
    assert.deepEqual(model.statistics.rows, []);
    assert.doesNotMatch(markdown, /significant\*\*|\bp = |\bp < /);
    assert.match(markdown, /\| Statistical tests \(P6\) +\| missed +\| no test possible: no runtime shares a level and a kind of activation/);
  });

  it('says why nothing is compared, with each runtime\'s regime, and draws no speedup', () => {
    assert.match(markdown, /No two runtimes are compared here: at every concurrency level two of them share, one had only cold starts and the other only warm activations \(rt0: warm activations only at concurrency 1 and 2; rt1: cold starts only at concurrency 1 and 2\)\./);
    assert.match(markdown, /- No recommendation follows from this data: no two runtimes were measured in the same regime/);
    assert.match(markdown, /The data does not compare the runtimes/);
    assert.match(markdown, /\*\*Cold purity\*\*: no group mixes cold and warm activations, but groups differ: cold starts only in rt1 at concurrency 1 and 2, warm activations only in rt0 at concurrency 1 and 2\./);
    // No sentence sets one runtime's time against the other's.
    assert.doesNotMatch(markdown, /lower in rt|× lower|× faster|× slower|some groups mix/);
    const speedup = chartFigures(model).find((f) => f.id === 'speedup');
    assert.equal(speedup?.omitted, 'regimes-apart');
    assert.deepEqual(findContradictions(model, markdown), []);
  });

  it('compares as before where the regimes meet at one shared level', () => {
    // rt0 warm at 1 and 2; rt1 cold at 1 and 2 plus warm at 2: the warm part at 2 is shared.
    const rows = recordsApart([1, 2], 42).concat(recordsApart([2], 43).filter((r) => r.runtime === 'rt0').map((r) => ({ ...r, runtime: 'rt1' })));
    const table = ingestText(JSON.stringify(rows), 'apart/meet.json');
    const analysis = analyze(table, { baseline: 'rt0' });
    const model = buildReportModel(table, analysis);
    assert.ok((analysis.inference?.comparisons.length ?? 0) > 0);
    assert.equal(model.claims.kind === 'sweep' ? model.claims.apart : undefined, null);
    assert.ok(model.statistics.rows.length > 0);
  });
});
