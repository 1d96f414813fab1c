// The Caveats table's per-group CI (issue 11 item 1): the analysis' mean_total at the unit, rounded,
// over runs where a group has 4 or more, over one run's activations where it has 30 or more, else
// none; the sentence under the table says which. Checked on the demo run log and generated data.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { buildReportModel, renderReport } from '../../src/report/index.js';
import { records } from './corpus/generate.js';
import { render } from './helpers.js';

const base = { runtimes: 2, levels: [1], runs: 1, perRun: 30, cold: 1, runEffect: 0, factor: 1, seed: 3 };

function caveatsOf(shape: typeof base & { name: string }) {
  const table = ingestText(JSON.stringify(records(shape)), `caveats/${shape.name}.json`);
  const analysis = analyze(table, { baseline: 'rt0' });
  const model = buildReportModel(table, analysis);
  return { analysis, caveats: model.caveats, markdown: renderReport(model) };
}

describe('report/caveats: per-group intervals at the unit', () => {
  it('resamples runs in the demo (8 runs a group), and the sentence under the table says so', () => {
    const { model, markdown } = render(['data/runs/demo.ndjson'], {});
    const group = model.caveats.groups.find((g) => g.runtime.id === 'blackbox' && g.concurrency === 1)!;
    assert.equal(group.runs, 8);
    assert.equal(group.avg_total_ci_unit, 'run');
    assert.equal(model.caveats.group_ci_unit, 'run');
    assert.match(markdown, /The per-group CIs in the table above resample whole runs \(a group needs 4 runs or more for one\)\./);
    assert.doesNotMatch(markdown, /per-group CIs in the table above resample activations/);
  });

  it('describes one run of 30 activations, and gives none to 29', () => {
    const thirty = caveatsOf({ ...base, name: 'thirty' });
    const g = thirty.analysis.groups[0].mean_total!;
    assert.equal(g.unit, 'activation');
    const shown = thirty.caveats.groups[0];
    assert.deepEqual(shown.avg_total_ci, { low: Math.round(g.ci![0] * 100) / 100, high: Math.round(g.ci![1] * 100) / 100 });
    assert.match(thirty.markdown, /resample the activations of a group's single run and describe that run only \(a group needs 30 activations or more for one\)/);
    const fewer = caveatsOf({ ...base, name: 'fewer', perRun: 29 });
    assert.ok(fewer.caveats.groups.every((c) => c.avg_total_ci === null && c.avg_total_ci_unit === null));
    assert.equal(fewer.caveats.group_ci_unit, null);
    assert.match(fewer.markdown, /No group has a CI of its own/);
  });

  it('says how many runs another set would have: the range, where cells hold 4 to 6', () => {
    // Rows of the last runs dropped from some cells: cells of 4, 5 and 6 runs.
    const rows = records({ ...base, name: 'uneven', levels: [1, 2], runs: 6, perRun: 5 }) as Array<Record<string, unknown>>;
    const uneven = rows.filter((r) => !(r.repetition === 6 && r.concurrency === 1) && !(r.repetition === 5 && r.concurrency === 1 && r.runtime === 'rt1'));
    const table = ingestText(JSON.stringify(uneven), 'caveats/uneven.json');
    const markdown = renderReport(buildReportModel(table, analyze(table, { baseline: 'rt0' })));
    assert.match(markdown, /another set of 4 to 6 runs of the same setup/);
    const even = caveatsOf({ ...base, name: 'even', runs: 5, perRun: 5 }).markdown;
    assert.match(even, /another set of 5 runs of the same setup/);
  });

  it('gives none with 3 runs a group', () => {
    const three = caveatsOf({ ...base, name: 'three', runs: 3, perRun: 10 });
    assert.ok(three.analysis.groups.every((g) => g.mean_total?.no_interval === 'too few runs'));
    assert.ok(three.caveats.groups.every((c) => c.avg_total_ci === null));
  });
});
