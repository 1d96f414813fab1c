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
    // The seed sweep is pre-aggregated: it has no test at all, so no heading may claim one.
    const text = sweep.markdown.replace(/^### ⚖️ WASM vs Docker$/m, '### ✅ WASM Is Faster at Every Level, Significantly');
    assert.notEqual(text, sweep.markdown);
    assert.ok(contradictionsOf(sweep.model, text).some((p) => p.includes('claims a significant difference at every level')));
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
