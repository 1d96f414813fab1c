// Every template renders every data shape it may meet (strict mode throws on a missing field),
// and hostile runtime names and labels leave the document's structure intact.
import assert from 'node:assert/strict';
import { buildReportModel, renderReport, type ReportOptions } from '../../src/report/index.js';
import { splitRow } from '../../src/report/markdown.js';
import type { Activation } from '../../src/types.js';
import { aggregate, analyzed, row, tableOf } from './tables.js';

const cold = (runtime: string, concurrency: number, scale: number, repetition = 0, extra: Partial<Activation> = {}) =>
  row({ runtime, concurrency, repetition, init_ms: 100 * scale, duration_ms: 300 * scale, wait_ms: 10 * scale * concurrency, ...extra });
const warm = (runtime: string, concurrency: number, scale: number, repetition = 0) =>
  row({ runtime, concurrency, repetition, duration_ms: 300 * scale, wait_ms: 3 * scale });

function renderRows(rows: Activation[], options: ReportOptions = {}): string {
  return renderReport(buildReportModel(...analyzed(tableOf(rows), options.baseline), options));
}

/** A document's structure: the kind of each line, and the cell count of each table row. */
function shape(markdown: string): string[] {
  return markdown.split('\n').map((line) => {
    if (line.startsWith('|')) return `table:${splitRow(line).length}`;
    if (/^#+ /.test(line)) return `heading:${line.match(/^#+/)?.[0].length}`;
    if (/^\s*(- |\d+\. )/.test(line)) return 'item';
    if (line.startsWith('>')) return 'quote';
    if (line === '---') return 'rule';
    return line === '' ? 'blank' : 'text';
  });
}

const SHAPES: Record<string, () => Activation[]> = {
  'pair, one warm run, with answers that differ': () => [
    cold('a', 1, 1, 0, { label: 'hen', confidence: 0.9, memory_mb: 128 }),
    warm('b', 1, 2, 0),
  ].map((r, i) => (i === 1 ? { ...r, label: 'cock', confidence: 0.5 } : r)),
  'sweep, three runtimes over three levels, one missing cell and failures': () => [
    ...[1, 2, 3].flatMap((c) => [cold('a', c, 10), cold('b', c, 1), ...(c < 3 ? [cold('c', c, c === 1 ? 1 : 20)] : [])]),
    { ...cold('b', 2, 1), status: 'application error' as const },
  ],
  'sweep, a single runtime': () => [cold('a', 1, 1), cold('a', 2, 2)],
  'sweep, mixed winners': () => [cold('a', 1, 1), cold('b', 1, 3), cold('a', 2, 5), cold('b', 2, 1)],
  'warm, two levels and three runtimes': () =>
    [1, 2].flatMap((c) => [0, 1, 2].flatMap((r) => [warm('a', c, 1, r), warm('b', c, 2.6, r), warm('c', c, 1.02, r)])),
  'warm, a single runtime': () => [warm('a', 1, 1), warm('a', 1, 1, 1)],
};

describe('report/render', () => {
  for (const [name, rows] of Object.entries(SHAPES)) {
    it(`renders ${name}`, () => {
      const markdown = renderRows(rows());
      assert.match(markdown, /^# /);
      assert.match(markdown, /## Provenance/);
      assert.ok(markdown.endsWith('\n') && !markdown.endsWith('\n\n'));
      // Every row of a table has as many cells as its header.
      const lines = markdown.split('\n');
      lines.forEach((line, i) => {
        if (line.startsWith('|') && !lines[i - 1]?.startsWith('|')) {
          const width = splitRow(line).length;
          for (let j = i; lines[j]?.startsWith('|'); j++) assert.equal(splitRow(lines[j]).length, width, lines[j]);
        }
      });
    });
  }

  it('lists the records skipped under --skip-invalid in the provenance block', () => {
    const table = tableOf([cold('a', 1, 1), cold('b', 1, 2)]);
    table.warnings.push('in.json: record 3: duration: expected a number, got "x"');
    const markdown = renderReport(buildReportModel(table, analyzed(table)[1]));
    assert.match(markdown, /^- Skipped as invalid \(`--skip-invalid`\), 1 record\(s\):\n {2}- in\.json: record 3: duration: expected a number, got "x"$/m);
  });

  it('keeps the document\'s structure with hostile runtime names, labels and answers', () => {
    const hostile = 'x|y\n# z `w` <img src=x> [a](b) *';
    const benign = renderRows([cold('a', 1, 3, 0, { label: 'hen' }), cold('b', 1, 1, 0, { label: 'hen' })], { labels: { a: 'A', b: 'B' } });
    const evil = renderRows(
      [cold(`a${hostile}`, 1, 3, 0, { label: hostile }), cold(`b${hostile}`, 1, 1, 0, { label: hostile })],
      { labels: { [`a${hostile}`]: `A${hostile}`, [`b${hostile}`]: `B${hostile}` } },
    );
    assert.deepEqual(shape(evil), shape(benign));
    // Outside code spans (where it is literal text), no "<" opens HTML.
    const outsideCode = evil.replace(/(`+)[^`]?[\s\S]*?[^`]?\1(?!`)/g, '');
    assert.doesNotMatch(outsideCode, /(^|[^\\])<img/);
    for (const template of ['sweep', 'warm'] as const) {
      const at = template === 'warm' ? warm : cold;
      const rows = (names: string[]) => names.flatMap((n, i) => [at(n, 1, i + 1), at(n, 2, i + 1)]);
      const labels = (names: string[], prefix: string) => Object.fromEntries(names.map((n, i) => [n, `${prefix}${i}`]));
      const good = renderRows(rows(['a', 'b']), { template, labels: labels(['a', 'b'], 'L') });
      const bad = renderRows(rows([`a${hostile}`, `b${hostile}`]), { template, labels: labels([`a${hostile}`, `b${hostile}`], hostile) });
      assert.deepEqual(shape(bad), shape(good), template);
    }
  });
});
