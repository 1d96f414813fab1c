// A faster runtime that fails often is not recommended: its times at that level are of the
// activations that survived (a rule of src/report/findings/recommend.ts, FAILING).
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { buildReportModel, renderReport } from '../../src/report/index.js';
import { records, type Shape } from './corpus/generate.js';

const shape: Shape = { name: 'twice', runtimes: 2, levels: [1, 2, 3], runs: 6, perRun: 5, cold: 1, runEffect: 0.1, factor: 2, seed: 501 };

/** The 2× dataset with every `every`-th activation of `runtime` at concurrency 3 failed. */
function documentWith(runtime: string, every: number) {
  let n = 0;
  const rows = records(shape).map((r) => (r.runtime === runtime && r.concurrency === 3 && n++ % every === 0 ? { ...r, status: 'application error' } : r));
  const table = ingestText(JSON.stringify(rows), `failing/${runtime}-${every}.json`);
  const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
  return { model, markdown: renderReport(model) };
}

describe('report: a faster runtime that fails often', () => {
  it('is recommended when it fails rarely (1 of 30 at one level)', () => {
    const { model, markdown } = documentWith('rt1', 30);
    assert.equal(model.findings.recommended?.runtime.id, 'rt1');
    assert.match(markdown, /\*\*Prefer rt1\*\*/);
  });

  it('is not recommended when more than 5% of its activations at a level failed, more than the other\'s', () => {
    const { model, markdown } = documentWith('rt1', 3);
    assert.equal(model.findings.recommended, null);
    assert.doesNotMatch(markdown, /\*\*Prefer |better choice/);
    assert.match(markdown, /No recommendation follows from this data for rt1 vs rt0: rt1 failed 10 of its 30 activations at concurrency 3 \(rt0: 0 of 30\), and its times there are of those that succeeded\./);
  });

  it('is recommended when the slower one fails as often', () => {
    let n = 0;
    const rows = records(shape).map((r) => (r.concurrency === 3 && n++ % 3 === 0 ? { ...r, status: 'application error' } : r));
    const table = ingestText(JSON.stringify(rows), 'failing/both.json');
    const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
    const failed = (runtime: string) => table.activations.filter((r) => r.runtime === runtime && r.status !== 'success').length;
    assert.ok(failed('rt0') >= failed('rt1'), `${failed('rt0')} vs ${failed('rt1')}`);
    assert.equal(model.findings.recommended?.runtime.id, 'rt1');
  });
});
