// The consistency check reads a rendered document back: each kind of contradiction it must catch,
// planted in a real document, and the real documents themselves passing.
import assert from 'node:assert/strict';
import { contradictionsOf, checkDocument, ContradictionError, findContradictions } from '../../../src/report/check/consistency.js';
import { hasPeerData, peerLazy } from '../../helpers/peer.js';
import { render, SEED_SWEEP_OPTIONS, WARM_FILES, WARM_OPTIONS } from '../helpers.js';

const sweep = render(['data/seed-sweep/results.txt'], SEED_SWEEP_OPTIONS);
// The peer's warm pair is read when a test touches it (skipped by name without the peer data).
const warm = peerLazy(() => render(WARM_FILES, WARM_OPTIONS), 'object');
const demo = render(['data/runs/demo.ndjson'], {});

describe('report/check: the consistency check', () => {
  it('passes the real documents', () => {
    for (const { model, markdown } of [sweep, demo, ...(hasPeerData ? [warm] : [])]) assert.deepEqual(contradictionsOf(model, markdown), []);
  });

  it('catches two runtimes preferred, and a preference no finding backs', () => {
    const text = `${warm.markdown}\n1. ✅ **Prefer WASM** always.\n`;
    const problems = contradictionsOf(warm.model, text);
    assert.ok(problems.some((p) => p.includes('more than one runtime')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('prefers WASM, which no finding recommends')), problems.join('\n'));
  });

  it('catches a heading that claims significance the test table does not show', () => {
    // The seed sweep is pre-aggregated: it has no test at all (its 4 total-time rows say "not tested").
    const text = sweep.markdown.replace(/^### ⚖️ WASM vs Docker$/m, '### ✅ WASM: Faster Than Docker at Every Level, Significantly');
    assert.notEqual(text, sweep.markdown);
    assert.ok(contradictionsOf(sweep.model, text).some((p) => p.includes('but 4 of the test table\'s total-time rows it covers are not significant')));
  });

  it('reads the ✅ heading as the sweep writes it: its runtimes, part and level against the rows they cover', () => {
    const heading = '### ✅ wasm:0.1: Faster Than blackbox at Every Level, Significantly';
    assert.ok(demo.markdown.includes(`\n${heading}\n`), 'the demo has the heading this test reads');
    const fired = (text: string) => findContradictions(demo.model, text).filter((c) => c.rule === 'heading-against-tests').map((c) => c.message);
    assert.deepEqual(fired(demo.markdown), []);
    // One level's total-time row not significant: the heading says every level.
    const row = /^(\| 3 +\| Total, wait \+ duration, cold \(mean\) .*)\*\*significant\*\*/m;
    assert.match(demo.markdown, row);
    assert.match(fired(demo.markdown.replace(row, '$1not significant')).join('\n'), /1 of the test table's total-time rows it covers are not significant/);
    // A level, a part or a pair that the table does not have.
    for (const claimed of [heading.replace('Every Level', 'Concurrency 9'), heading.replace(' at Every', ' Over Warm Activations at Every'), heading.replace('blackbox', 'nodejs')]) {
      assert.match(fired(demo.markdown.replace(heading, claimed)).join('\n'), /has no total-time row for it/, claimed);
    }
    // The one level it names, significant there: nothing to report.
    assert.deepEqual(fired(demo.markdown.replace(heading, heading.replace('Every Level', 'Concurrency 3'))), []);
  });

  it('catches "only" over every level, equal range ends, an empty heading and a claim against its table', () => {
    const text = demo.markdown
      .replace('## 📈 Performance Trend Overview', '## 📈 Performance Trend Overview\n\n- significant at concurrency 1, 2, 3, 4 and 5 only.\n- 26.2× to 26.2× and 2.5–2.5×\n\n### Nothing here\n\n---\n\n- **up to 9.9× faster** in blackbox, at concurrency 2');
    // Found by every rule, the pending empty-section rule included (consistency.ts RULES).
    const problems = findContradictions(demo.model, text).map((c) => c.message);
    for (const expected of ['lists every level tested', 'equal ends: "26.2× to 26.2×"', 'equal ends: "2.5–2.5×"', '"### Nothing here" has nothing under it', 'does not match the summary table']) {
      assert.ok(problems.some((p) => p.includes(expected)), `${expected}\n${problems.join('\n')}`);
    }
  });

  it('fails the render with a message naming the document', () => {
    assert.throws(() => checkDocument(demo.model, `${demo.markdown}\nevery figure is one observation\n`), (error: unknown) =>
      error instanceof ContradictionError && error.exitCode === 1 && /contradicts itself/.test(error.message) && /calls every figure one observation/.test(error.message));
  });
});
