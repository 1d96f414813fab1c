// The done-when corpus of issue 11: generated datasets with a known truth, each rendered as a
// document (the consistency check runs inside renderReport). With no true difference, at most 5%
// of the documents report a significant one and none recommends; with a true 2× difference (5
// activations per run, 6 runs per cell, 3 levels), 90% or more find it and recommend the faster.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { buildReportModel, renderReport } from '../../src/report/index.js';
import { aggregateRows, records, type Shape } from './corpus/generate.js';

function document(name: string, rows: Array<Record<string, unknown>>) {
  const table = ingestText(JSON.stringify(rows), `corpus/${name}.json`);
  const analysis = analyze(table, { baseline: 'rt0' });
  const model = buildReportModel(table, analysis);
  const markdown = renderReport(model);
  return { analysis, model, markdown };
}

const base = { runtimes: 2, levels: [1, 2, 3], runs: 6, perRun: 5, cold: 1, runEffect: 0.3, factor: 1 };

describe('report corpus: documents over data with a known truth (issue 11)', function () {
  this.timeout(120_000);

  it('with no true difference, at most 5% report a significant difference and none recommends', () => {
    const shapes: Shape[] = [];
    for (let i = 0; i < 48; i++) {
      const variant = i % 6;
      shapes.push({
        ...base, name: `null-${i}`, seed: 100 + i,
        runtimes: 2 + (i % 3),
        levels: variant === 3 ? [1] : [1, 2, 3],
        runs: variant === 0 ? 1 : variant === 1 ? 12 : 6,
        perRun: variant === 0 ? 25 : 5,
        cold: variant === 2 ? 0 : variant === 4 ? 0.5 : 1,
        runEffect: variant === 0 || variant === 5 ? 0 : 0.3,
      });
    }
    let significant = 0;
    for (const shape of shapes) {
      const { analysis, model, markdown } = document(shape.name, records(shape));
      if (analysis.inference!.comparisons.some((c) => c.significant)) significant++;
      assert.equal(model.findings.recommended, null, `${shape.name} recommends`);
      assert.doesNotMatch(markdown, /\*\*Prefer |prefer \*\*/, shape.name);
    }
    assert.ok(significant / shapes.length <= 0.05, `${significant} of ${shapes.length} report a significant difference`);
  });

  it('with a true 2× difference (5 per run, 6 runs, 3 levels), 90% or more find it and recommend the faster', () => {
    let found = 0;
    const n = 24;
    for (let i = 0; i < n; i++) {
      const shape: Shape = { ...base, name: `twice-${i}`, seed: 500 + i, factor: 2, runEffect: 0.1, cold: i % 2 === 0 ? 1 : 0 };
      const { model, markdown } = document(shape.name, records(shape));
      const recommended = model.findings.recommended;
      if (recommended?.runtime.id === 'rt1' && /\*\*Prefer rt1\*\*|prefer \*\*rt1\*\*/.test(markdown)) found++;
      assert.notEqual(recommended?.runtime.id, 'rt0', `${shape.name} recommends the slower runtime`);
    }
    assert.ok(found / n >= 0.9, `${found} of ${n} recommend the faster runtime`);
  });

  it('renders every shape without a contradiction: levels, runtimes, parts, outliers, failures, missing waits, runs, aggregates', () => {
    const shapes: Shape[] = [
      { ...base, name: 'one-level', seed: 1, levels: [4] },
      { ...base, name: 'many-levels', seed: 2, levels: [1, 2, 3, 4, 5, 6, 8, 10], runs: 3 },
      { ...base, name: 'four-runtimes', seed: 3, runtimes: 4, factor: 3 },
      { ...base, name: 'warm-only', seed: 4, cold: 0, factor: 2 },
      { ...base, name: 'cold-only', seed: 5, cold: 1, factor: 0.5 },
      { ...base, name: 'mixed', seed: 6, cold: 0.3, factor: 2 },
      { ...base, name: 'outliers', seed: 7, outliers: true, perRun: 20 },
      { ...base, name: 'failures', seed: 8, failures: true, factor: 1.5 },
      { ...base, name: 'missing-wait', seed: 9, missingWait: true },
      { ...base, name: 'one-run', seed: 10, runs: 1, perRun: 30, factor: 2 },
      { ...base, name: 'many-runs', seed: 11, runs: 20, perRun: 3, factor: 1.2 },
      { ...base, name: 'pair-sized', seed: 12, runs: 1, perRun: 2, levels: [1] },
    ];
    for (const shape of shapes) {
      const { markdown } = document(shape.name, records(shape));
      assert.match(markdown, /^## ⚠️ Caveats$/m, shape.name);
    }
    const { model, markdown } = document('aggregates', aggregateRows(3, [1, 2, 4], 13));
    assert.equal(model.findings.unit, null);
    assert.doesNotMatch(markdown, /\*\*Prefer /);
  });
});
