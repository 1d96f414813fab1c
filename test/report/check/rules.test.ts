// Each rule of the consistency check (issue 11), on generated documents with a known truth: a
// document that breaks it (the rule fires) and one that does not (it stays silent).
import assert from 'node:assert/strict';
import { findContradictions } from '../../../src/report/check/consistency.js';
import { analyze } from '../../../src/analyze/index.js';
import { ingestText } from '../../../src/ingest/index.js';
import { buildReportModel } from '../../../src/report/index.js';
import type { ReportModel } from '../../../src/report/model.js';
import { renderTemplate } from '../../../src/report/render.js';
import { records, type Shape } from '../corpus/generate.js';
import { render } from '../helpers.js';

const base: Shape = { name: '', runtimes: 2, levels: [1, 2, 3], runs: 6, perRun: 5, cold: 1, runEffect: 0.1, factor: 1, seed: 1 };

function documentOf(shape: Shape): { model: ReportModel; markdown: string } {
  const table = ingestText(JSON.stringify(records(shape)), `rules/${shape.name}.json`);
  const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
  return { model, markdown: renderTemplate(model.template, model) };
}

const oneLevel = documentOf({ ...base, name: 'one-level', levels: [4] });
const noDifference = documentOf({ ...base, name: 'null', seed: 101 });
const twice = documentOf({ ...base, name: 'twice', seed: 500, factor: 2 });
const demo = render(['data/runs/demo.ndjson'], {});

// Whole documents are the corpus test's (test/report/corpus.test.ts); here each rule sees a planted text alone.

/** The rules that fire on `text` read as a document of `doc`'s model (its findings, tests and settings). */
function firedBy(doc: { model: ReportModel }, text: string): string[] {
  return [...new Set(findContradictions(doc.model, `${text}\n`).map((c) => c.rule))];
}

describe('report/check: each rule, broken and kept', () => {
  it('the generated documents hold a significant 2× and no significant null', () => {
    assert.ok(twice.model.statistics.rows.some((r) => r.test?.significant && r.candidate.id === 'rt1' && r.direction === 'faster'));
    assert.ok(!noDifference.model.statistics.rows.some((r) => r.test?.significant));
  });

  it('several-levels-word: "at every level", "consistently", "up to" need several levels', () => {
    assert.deepEqual(firedBy(oneLevel, 'rt1 is faster at every level.'), ['several-levels-word']);
    assert.deepEqual(firedBy(oneLevel, 'rt1 is faster at concurrency 4.'), []);
    assert.deepEqual(firedBy(twice, 'rt1 is faster at every level.'), []);
  });

  it('recommended-from-one-run: with one run per cell no sentence prefers a runtime', () => {
    const oneRun = documentOf({ ...base, name: 'one-run', runs: 1, perRun: 30, factor: 2, seed: 500 });
    assert.ok(oneRun.model.statistics.rows.some((r) => r.test?.significant), 'the one-run 2× is significant at the activation');
    assert.equal(oneRun.model.findings.recommended, null);
    const preferring = ['1. ✅ **Prefer rt1** when cold starts matter.', 'It is the better choice for workloads like this one.'];
    for (const text of preferring) assert.ok(firedBy(oneRun, text).includes('recommended-from-one-run'), text);
    assert.ok(!firedBy(oneRun, 'No recommendation follows: each level was measured in a single run, so rt1 is not the better choice yet.').includes('recommended-from-one-run'));
    for (const text of preferring) assert.ok(!firedBy(twice, text).includes('recommended-from-one-run'), text);
  });

  it('several-steps-word: "at every step" needs three levels or more', () => {
    const two = documentOf({ ...base, name: 'two-levels', levels: [1, 4] });
    assert.deepEqual(firedBy(two, "rt1's `avg_duration` went from 1 s at concurrency 1 to 2 s at concurrency 4 (2.0× higher), at every step."), ['several-steps-word']);
    assert.deepEqual(firedBy(two, "rt1's `avg_duration` went from 1 s at concurrency 1 to 2 s at concurrency 4 (2.0× higher)."), []);
    assert.deepEqual(firedBy(twice, "rt1's `avg_duration` went from 1 s at concurrency 1 to 2 s at concurrency 3 (2.0× higher), at every step."), []);
    assert.deepEqual(firedBy(twice, 'went up, not at every step: highest 3 s at concurrency 2.'), []);
  });

  it('heading-without-test: a ✅ or "faster" heading needs a significant test in its favour', () => {
    assert.deepEqual(firedBy(noDifference, '### ✅ rt1 Is Faster\n\ntext'), ['heading-without-test']);
    assert.deepEqual(firedBy(twice, '### ✅ rt0 Is Faster\n\ntext'), ['heading-without-test']);
    assert.deepEqual(firedBy(twice, '### ✅ rt1 Is Faster\n\ntext'), []);
    assert.deepEqual(firedBy(noDifference, '### ⚖️ Neither rt1 Nor rt0 Is Faster\n\ntext'), []);
  });

  it('recommended-twice: one runtime recommended, preferred or called the default choice', () => {
    assert.deepEqual(firedBy(twice, 'We recommend **rt1**. **rt0** is the default choice.'), ['recommended-twice']);
    assert.deepEqual(firedBy(twice, 'We recommend **rt1**. It is the default choice.'), []);
  });

  it('equal-range: a range whose two ends are equal', () => {
    assert.deepEqual(firedBy(twice, 'between 473.85–473.85 ms'), ['equal-range']);
    assert.deepEqual(firedBy(twice, 'from 26.2× to 26.2×'), ['equal-range']);
    assert.deepEqual(firedBy(twice, 'between 473.85–480 ms, 2.5× to 2.6×'), []);
  });

  it('significance-against-p: a test cell\'s verdict against its own p', () => {
    const table = (cell: string) => `| Concurrency | Component | x |\n|---|---|---|\n| 2 | Total | ${cell} |`;
    assert.deepEqual(firedBy(twice, table('p = 0.2468, significant (n = 6 vs 6 runs)')), ['significance-against-p']);
    assert.deepEqual(firedBy(twice, table('p = 0.0100, not significant')), ['significance-against-p']);
    assert.deepEqual(firedBy(twice, table('p = 0.0100, **significant**')), []);
    assert.deepEqual(firedBy(twice, table('p = 0.0600, not significant')), []);
  });

  it('significant-without-test: "significant" in the prose where no test is', () => {
    assert.deepEqual(firedBy(noDifference, 'The difference at concurrency 2 is significant.'), ['significant-without-test']);
    assert.deepEqual(firedBy(noDifference, 'The difference at concurrency 2 is not significant.'), []);
    assert.deepEqual(firedBy(twice, 'The difference at concurrency 2 is significant.'), []);
  });

  it('bold-without-test: a sweep\'s factor in bold where no test is significant', () => {
    assert.equal(noDifference.model.template, 'sweep');
    const insight = (text: string) => `- The mean total time is lower in rt1 at each of the 3 levels: ${text}, at least 1.1×.`;
    assert.deepEqual(firedBy(noDifference, insight('**up to 1.3× lower**')), ['bold-without-test']);
    assert.deepEqual(firedBy(noDifference, insight('up to 1.3× lower')), []);
    assert.deepEqual(firedBy(twice, insight('**up to 2.1× lower**')), []);
  });

  it('empty-section: a heading followed directly by a heading of its level or above, a rule or the end', () => {
    assert.deepEqual(firedBy(twice, '## Extra\n\n## Other\n\ntext'), ['empty-section']);
    assert.deepEqual(firedBy(twice, '### Extra\n\n---\n\ntext'), ['empty-section']);
    assert.deepEqual(firedBy(twice, '## Extra\n\ntext\n\n### Inner\n\ntext'), []);
    assert.deepEqual(firedBy(twice, '## Extra\n\n### Inner, a subsection\n\ntext'), []);
  });

  it('duplicate-heading: a section heading twice', () => {
    assert.deepEqual(firedBy(twice, '## Extra\n\ntext\n\n## Extra\n\ntext'), ['duplicate-heading']);
    assert.deepEqual(firedBy(twice, '## Extra\n\ntext\n\n## Other\n\ntext'), []);
  });

  it('empty-table: a table with a header and no row', () => {
    assert.deepEqual(firedBy(twice, '| Concurrency | Runtime |\n|---|---|\n\ntext'), ['empty-table']);
    assert.deepEqual(firedBy(twice, '| Concurrency | Runtime |\n|---|---|\n| 1 | rt0 |\n\ntext'), []);
  });

  it('one-observation: "every figure is one observation" with groups of several activations', () => {
    assert.deepEqual(firedBy(twice, 'Here every figure is one observation.'), ['one-observation']);
    const single = documentOf({ ...base, name: 'single', runs: 1, perRun: 1, levels: [1] });
    assert.deepEqual(firedBy(single, 'Here every figure is one observation.'), []);
  });

  it('apache-on-embedded: "Apache OpenWhisk" where the run log records the embedded server', () => {
    assert.ok(demo.model.settings.length > 0 && demo.model.settings.every((s) => s.embedded));
    assert.deepEqual(firedBy(demo, 'Measured on Apache OpenWhisk.'), ['apache-on-embedded']);
    assert.deepEqual(firedBy(demo, 'Measured on the embedded server (not Apache OpenWhisk).'), []);
    assert.deepEqual(firedBy(twice, 'Measured on Apache OpenWhisk.'), []);
  });

  it('claim-against-table: a runtime label with dots (wasm:0.1) is read whole, up to the sentence\'s end', () => {
    // A fresh clone's notebook once failed here: "in favour of wasm:0." was read as the label.
    let cited = 0;
    for (let seed = 101; seed < 111; seed++) {
      const rows = records({ ...base, name: 'dotted', seed }).map((r) => ({ ...r, runtime: r.runtime === 'rt1' ? 'wasm:0.1' : r.runtime }));
      const table = ingestText(JSON.stringify(rows), 'rules/dotted.json');
      const model = buildReportModel(table, analyze(table, { baseline: 'rt0' }));
      const markdown = renderTemplate(model.template, model);
      if (/in favour of wasm:0\.1\.$/m.test(markdown)) cited++;
      assert.deepEqual(findContradictions(model, markdown).map((c) => c.rule), [], `seed ${seed}`);
    }
    assert.ok(cited > 0, 'no document named wasm:0.1 in its largest-difference sentence');
  });

  it('claim-against-table: a ratio the summary table (or the sentence\'s own figures) does not give', () => {
    assert.deepEqual(firedBy(twice, '- **up to 9.9× faster** in rt1, at concurrency 2'), ['claim-against-table']);
    // The document's own "delivers" and "largest difference" sentences, then the same with a factor changed.
    const delivers = /^rt1 had \*\*[^\n]*?at each of the \d+ concurrency levels both measured \(most at concurrency \d\)/m.exec(twice.markdown)![0];
    assert.deepEqual(firedBy(twice, delivers), []);
    assert.deepEqual(firedBy(twice, delivers.replace(/\*\*(\d+\.\d)×/, '**9.9×')), ['claim-against-table']);
    assert.deepEqual(firedBy(twice, delivers.replace(/most at concurrency \d/, 'most at concurrency 7')), ['claim-against-table']);
    const ratios = twice.model.levels.map((l) => {
      const at = (id: string) => twice.model.groups.find((g) => g.runtime === id && g.concurrency === l)!.avg_total as number;
      return { l, r: at('rt0') / at('rt1') };
    }).sort((a, b) => b.r - a.r);
    const largest = `The largest difference in mean total time is ${(Math.round(ratios[0].r * 10) / 10).toFixed(1)}× at concurrency ${ratios[0].l}, in favour of rt1.`;
    assert.deepEqual(firedBy(twice, largest), []);
    assert.deepEqual(firedBy(twice, largest.replace('in favour of rt1', 'in favour of rt0')), ['claim-against-table']);
    assert.deepEqual(firedBy(twice, largest.replace(`concurrency ${ratios[0].l}`, `concurrency ${ratios[2].l}`)), ['claim-against-table']);
    assert.deepEqual(firedBy(twice, '- Wait times: 29.7 ms for rt1 vs 76.5 ms for rt0 (rt0 waited 2.6× longer).'), []);
    assert.deepEqual(firedBy(twice, '- Wait times: 29.7 ms for rt1 vs 76.5 ms for rt0 (rt1 waited 2.6× longer).'), ['claim-against-table']);
    assert.deepEqual(firedBy(twice, '- Wait times: 29.7 ms for rt1 vs 76.5 ms for rt0 (rt0 waited 3.6× longer).'), ['claim-against-table']);
  });
});
