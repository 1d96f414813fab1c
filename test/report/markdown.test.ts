// The escape helpers: untrusted text (runtime names, labels, action names) must not break a
// document's Markdown — no new cells, rows, lines, code spans, links or HTML.
import assert from 'node:assert/strict';
import { alignTable, codeCell, codeSpan, escapeCell, escapeInline, markdownCell, splitRow } from '../../src/report/markdown.js';

const HOSTILE = 'a|b\nc `d` *e* _f_ [g](h) <script>x</script> \\| # ~i~ &amp; !j';

describe('report/markdown', () => {
  it('escapeInline backslash-escapes inline syntax and keeps text on one line', () => {
    assert.equal(escapeInline('wasm:0.1'), 'wasm:0.1');
    assert.equal(escapeInline('vanilla docker'), 'vanilla docker');
    assert.equal(escapeInline('*bold* _it_ `code`'), '\\*bold\\* \\_it\\_ \\`code\\`');
    assert.equal(escapeInline('[link](http://x) <b>'), '\\[link\\](http://x) \\<b\\>');
    assert.equal(escapeInline('a\nb\r\nc'), 'a b c');
    assert.equal(escapeInline('back\\slash'), 'back\\\\slash');
    const escaped = escapeInline(HOSTILE);
    assert.ok(!escaped.includes('\n'));
    assert.doesNotMatch(escaped, /(^|[^\\])[<>`*_[\]|]/);
  });

  it('escapeCell keeps a hostile label inside one table cell', () => {
    const row = `| ${escapeCell(HOSTILE)} | second |`;
    assert.deepEqual(splitRow(row).length, 2);
    assert.equal(splitRow(row)[1], 'second');
  });

  it('codeSpan fences any backticks inside', () => {
    assert.equal(codeSpan('wasm:0.1'), '`wasm:0.1`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('``x'), '``` ``x ```');
    assert.equal(codeSpan('x`'), '`` x` ``');
    assert.equal(codeSpan('two\nlines'), '`two lines`');
  });

  it('codeCell falls back to escaped text when a pipe or backslash would be ambiguous', () => {
    assert.equal(codeCell('blackbox'), '`blackbox`');
    assert.equal(codeCell('a|b'), 'a\\|b');
    assert.equal(codeCell('a\\'), 'a\\\\');
    assert.equal(splitRow(`| ${codeCell('x\\|y')} | z |`).length, 2);
  });

  it('markdownCell keeps a title\'s Markdown but escapes its bare pipes', () => {
    assert.equal(markdownCell('Two `x` Runs'), 'Two `x` Runs');
    assert.equal(markdownCell('A | B\nC'), 'A \\| B C');
    assert.equal(markdownCell('A \\| B'), 'A \\| B');
  });

  it('alignTable pads cells to the column width and rebuilds the delimiter row', () => {
    const table = alignTable('| Metric | Run #1 |\n|---|---|\n| **Memory** | 512 MB |\n| a\\|b | — |\n');
    assert.equal(
      table,
      [
        '| Metric     | Run #1 |',
        '|------------|--------|',
        '| **Memory** | 512 MB |',
        '| a\\|b       | —      |',
      ].join('\n'),
    );
  });
});
