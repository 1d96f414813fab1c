// The chunked fast path for NDJSON and CSV must give exactly what the general path (the whole
// text at once) gives, at any chunk boundary, or step aside for anything it does not take.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inputFile } from '../../bench/analyze/inputs.js';
import { readLinesFast } from '../../src/ingest/lines-fast.js';
import { ESTIMATE_MIN_BYTES } from '../../src/table/store.js';
import { ingestFiles, ingestText } from '../../src/ingest/index.js';
import { parseFile } from '../../src/ingest/parse.js';
import type { FileContext } from '../../src/ingest/problem.js';
import type { Activation, AggregateRow } from '../../src/types.js';
import { captured, tempFile } from './helpers.js';

const context = (file: string, skipInvalid = false): FileContext => ({ file, source: 0, skipInvalid, warnings: [] });

/** The general path's rows and warnings for the same text. */
function general(text: string, file: string) {
  const ctx = context(file);
  const rows: Activation[] = [];
  const format = parseFile(text, ctx, rows, [] as AggregateRow[]);
  return { format, rows, warnings: ctx.warnings };
}

describe('ingest: NDJSON and CSV fast path', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'owbench-lines-'));
  const files = { ndjson: inputFile(folder, 'ndjson', 300, 7), csv: inputFile(folder, 'csv', 300, 7) };

  for (const [kind, file] of Object.entries(files)) {
    // 40 bytes: every line is longer than the chunk, which then grows (CSV: one NDJSON record
    // alone in the first chunk is not yet NDJSON, and the general path decides).
    for (const chunk of [...(kind === 'csv' ? [40] : []), 1024, 4099, 1 << 16, 1 << 23]) {
      it(`${kind}: matches the general path with ${chunk}-byte chunks`, () => {
        const text = readFileSync(file, 'utf8');
        const ctx = context(file);
        const fast = readLinesFast(file, ctx, chunk);
        assert.ok(fast, 'the fast path took the file');
        const expected = general(text, file);
        assert.equal(fast.format, expected.format);
        assert.deepEqual(fast.rows.rows(), expected.rows);
        assert.deepEqual(ctx.warnings, expected.warnings);
        assert.equal(fast.sha256, ingestText(text, file).sources[0].sha256);
      });
    }
  }

  for (const kind of ['ndjson', 'csv'] as const) {
    it(`${kind}: reserves room for a large file's rows from its first chunk, and matches the general path, in one thread or two`, function () {
      this.timeout(120_000);
      // NDJSON records are ~470 bytes, CSV rows ~100: each file is past the size that is estimated.
      const file = inputFile(folder, kind, kind === 'ndjson' ? 20_000 : 90_000, 11);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.length >= ESTIMATE_MIN_BYTES, `${text.length} bytes`);
      const expected = general(text, file);
      for (const parallelMin of [Infinity, 1]) {
        const fast = readLinesFast(file, context(file), 1 << 20, parallelMin);
        assert.ok(fast, 'the fast path took the file');
        assert.deepEqual(fast.rows.rows(), expected.rows);
        const { capacity } = fast.rows.toParts();
        assert.ok(capacity >= expected.rows.length && capacity < expected.rows.length * 1.1, `capacity ${capacity} for ${expected.rows.length} rows`);
      }
    });
  }

  for (const [kind, file] of Object.entries(files)) {
    for (const chunk of [4099, 1 << 16]) {
      it(`${kind}: read in two halves, a worker taking the second, matches the general path (${chunk}-byte chunks)`, () => {
        const text = readFileSync(file, 'utf8');
        const ctx = context(file);
        const fast = readLinesFast(file, ctx, chunk, 1);
        assert.ok(fast, 'the fast path took the file');
        assert.ok(fast.workerRows > 0 && fast.workerRows < fast.rows.length, `the worker read part of the file (${fast.workerRows} of ${fast.rows.length})`);
        const expected = general(text, file);
        assert.deepEqual(fast.rows.rows(), expected.rows);
        assert.deepEqual(ctx.warnings, expected.warnings);
        assert.equal(fast.sha256, ingestText(text, file).sources[0].sha256);
      });
    }

    it(`${kind}: a bad record in the worker's half leaves it to the general path`, () => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = Math.floor(lines.length * 0.8);
      lines[at] = kind === 'csv' ? lines[at].replace(/,success,/, ',bogus,') : lines[at].replace('"duration":', '"duration":"x","was":');
      assert.notEqual(lines[at], readFileSync(file, 'utf8').split('\n')[at], 'the record was broken');
      const bad = tempFile(`bad-half.${kind}`, lines.join('\n'));
      assert.equal(readLinesFast(bad, context(bad), 4099, 1), null);
      assert.throws(() => ingestFiles([bad]), (error: Error) => error.message === captured(() => ingestText(lines.join('\n'), bad)));
    });
  }

  it('keeps the header warning once, and is what ingestFiles uses', () => {
    const text = readFileSync(files.csv, 'utf8').split('\n').map((line, i) => (i === 0 ? `${line},notes` : line && `${line},x`)).join('\n');
    const file = tempFile('unused-column.csv', text);
    const ctx = context(file);
    const fast = readLinesFast(file, ctx, 2048);
    assert.ok(fast);
    assert.equal(ctx.warnings.length, 1);
    assert.deepEqual(ctx.warnings, general(text, file).warnings);
    assert.deepEqual(ingestFiles([file]), ingestText(text, file));
  });

  it('steps aside for what the general path must name or decide', () => {
    const ndjson = readFileSync(files.ndjson, 'utf8');
    const csv = readFileSync(files.csv, 'utf8');
    const lines = ndjson.split('\n');
    const cases: Record<string, string> = {
      'a bad record': [...lines.slice(0, 200), '{"activationId": 1}', ...lines.slice(200)].join('\n'),
      'a quoted CSV field': csv.replace(/\n([^,\n]*),/, '\n"$1",'),
      'a byte-order mark': `\ufeff${ndjson}`,
      'a NUL byte': ndjson.replace('"guest"', '"gu\u0000est"'),
      'one record alone': lines[0]!,
      'a JSON array': `[${lines.slice(0, 3).join(',')}]`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const file = tempFile(`aside-${name.replace(/\W+/g, '-')}`, text);
      assert.equal(readLinesFast(file, context(file, true), 4096), null, name);
    }
  });
});
