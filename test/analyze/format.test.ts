import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import { formatAnalysis } from '../../src/analyze/format.js';
import { aggregate, row, table } from './table.js';

describe('formatAnalysis (the terminal table)', () => {
  it('aligns columns, rounds like Python, and shows "—" where a figure is not computable', () => {
    const text = formatAnalysis(analyze(table([], [
      aggregate({ runtime: 'blackbox', concurrency: 3, count: 3, avg_init: 8860, max_wait: 14832, avg_duration: 6314.33, avg_total: 12260.67 }),
      aggregate({ runtime: 'wasm:0.1', concurrency: 3, count: 3, avg_init: 1047, max_wait: 268, avg_duration: 1542.33, avg_total: 1641.33 }),
    ])));
    const lines = text.split('\n');
    assert.equal(lines[0], 'groups (latency in ms over successful activations)');
    assert.match(lines[2], /^blackbox +3 +3 +— +— +8860 +— +14832 +— +6314\.33 +12260\.67 +— +— +— +—$/);
    assert.equal(lines[2].length, lines[1].length); // right-aligned: every line ends under its header
    assert.match(text, /^wasm:0\.1 +3 +8\.46 +— +— +— +4\.09 +7\.47 +— +— +—$/m); // 8860/1047, 6314.33/1542.33, 12260.67/1641.33; no interval
  });

  it('shows the repetition column only when grouped by repetition, and ties round to even', () => {
    const rows = [row({ runtime: 'x', repetition: 0, wait: 0.125, duration: 1 })];
    assert.doesNotMatch(formatAnalysis(analyze(table(rows))), /repetition/);
    const text = formatAnalysis(analyze(table(rows), { by: 'repetition' }));
    assert.match(text, /^runtime +concurrency +repetition +count/m);
    assert.match(text, /^x +1 +0 +1 +0 +0 +— +0\.12 +0\.12 /m); // avg_wait 0.125 → 0.12 (Python), not 0.13
  });
});
