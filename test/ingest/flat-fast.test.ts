// The byte-scanning fast path must give exactly what the general path (JSON.parse) gives, at any
// chunk boundary, or step aside.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { flatRecords } from '../../bench/analyze/flat-records.js';
import { readFlatFast } from '../../src/ingest/flat-fast.js';
import { ESTIMATE_MIN_BYTES } from '../../src/table/store.js';
import { ingestFiles, ingestText } from '../../src/ingest/index.js';
import type { FileContext } from '../../src/ingest/problem.js';
import { captured, peer, PEER_FILES, peerAsFlat, SEED_PAIR, tempFile } from './helpers.js';

const context = (file: string, skipInvalid = false): FileContext => ({ file, source: 0, skipInvalid, warnings: [] });

/** The benchmark's own layout: one record a line. */
function writeFlat(records: Array<Record<string, unknown>>): string {
  return tempFile('halves-lines.json', `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

describe('ingest: flat records fast path', () => {
  // Built from the peer's records when the first test runs (each is skipped without them).
  let made: { text: string; file: string } | undefined;
  const fixture = () => (made ??= build());
  function build() {
    const records = [...peerAsFlat(PEER_FILES.vanillaColdPullDisabled), ...peerAsFlat(PEER_FILES.wasmCold)];
    // Unicode, a float with an exponent, a negative zero confidence and nulls: the scanner's corners.
    records.push({ kind: 'nodejs:20', runtime: 'nödejs — 20', concurrency: 3, duration: 1.5e3, waitTime: 0, initTime: null, label: null, confidence: -0, start: 1747254547099 });
    // And rows under the table's own names.
    records.push(...ingestFiles([peer(PEER_FILES.wasmWarm)]).activations.map((row) => ({ ...row })));
    const text = JSON.stringify(records, null, 1);
    return { text, file: tempFile('flat-fast.json', text) };
  }

  for (const chunk of [7, 64, 333, 4096, 1 << 20]) {
    it(`matches the general path with ${chunk}-byte chunks`, () => {
      const { text, file } = fixture();
      const fast = readFlatFast(file, context(file), chunk);
      assert.ok(fast, 'the fast path took the file');
      const general = ingestText(text, file);
      assert.deepEqual(fast.rows.rows(), general.activations);
      assert.equal(fast.sha256, general.sources[0].sha256);
    });
  }

  it('keeps activation ids as the general path reads them, under either key, in one thread or two', () => {
    // Hex ids, the table's key, both keys (activationId wins), a null one beside a string, the
    // empty id, non-ASCII, and a key given twice (the last wins, as in JSON.parse).
    const shapes = [
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activationId":"${i.toString(16).padStart(32, '0')}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activation_id":"t-${i}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activation_id":"t-${i}","activationId":"w-${i}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activationId":null,"activation_id":"n-${i}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activationId":"${i === 4 ? '' : `e-${i}`}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activationId":"ид-${i} ✓"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i},"activationId":"first-${i}","activationId":"last-${i}"}`,
      (i: number) => `{"kind":"nodejs:20","duration":${i}}`,
    ];
    const text = `[\n${Array.from({ length: 4000 }, (_, i) => shapes[i % shapes.length](i)).join(',\n')}\n]\n`;
    const file = tempFile('flat-ids.json', text);
    const general = ingestText(text, file).activations;
    assert.equal(general[6].activation_id, 'last-6');
    assert.equal(general[2].activation_id, 'w-2');
    assert.equal(general[4].activation_id, '');
    for (const chunk of [61, 4096]) {
      const one = readFlatFast(file, context(file), chunk, Infinity);
      assert.ok(one, 'the fast path took the file');
      assert.deepEqual(one.rows.rows(), general);
      const two = readFlatFast(file, context(file), chunk, 1);
      assert.ok(two && two.workerRows > 0, 'a worker read the second half');
      assert.deepEqual(two.rows.rows(), general);
    }
  });

  it('reserves room for a large file\'s rows from its first ones, and reads it as the general path does, in one thread or two', function () {
    this.timeout(120_000);
    const records = [...flatRecords({ count: 40_000, seed: 9, fractional: true, missingWait: true, configurations: true })];
    const file = writeFlat(records);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.length >= ESTIMATE_MIN_BYTES, `${text.length} bytes: large enough for an estimate`);
    // Functions are derived from the actions after every file is read (ingest.ts): not here yet.
    const general = ingestText(text, file).activations.map((row) => ({ ...row, function: null }));
    for (const parallelMin of [Infinity, 1]) {
      const fast = readFlatFast(file, context(file), 1 << 16, parallelMin);
      assert.ok(fast, 'the fast path took the file');
      assert.deepEqual(fast.rows.rows(), general);
      // Reserved near the row count (doubling would have left 65,536 rows of room).
      const { capacity } = fast.rows.toParts();
      assert.ok(capacity >= general.length && capacity < general.length * 1.1, `capacity ${capacity} for ${general.length} rows`);
    }
  });

  describe('in two halves, a worker scanning the second', () => {
    const records = [...flatRecords({ count: 3000, seed: 5, fractional: true, missingWait: true, configurations: true })];
    const layouts = { 'one record a line': writeFlat(records), indented: tempFile('halves-indented.json', JSON.stringify(records, null, 1)) };

    for (const [layout, file] of Object.entries(layouts)) {
      for (const chunk of [4096, 1 << 16]) {
        it(`gives the rows one thread gives (${layout}, ${chunk}-byte chunks)`, () => {
          const fast = readFlatFast(file, context(file), chunk, 1);
          assert.ok(fast, 'the fast path took the file');
          assert.ok(fast.workerRows > 0 && fast.workerRows < fast.rows.length, `the worker read part of it (${fast.workerRows} of ${fast.rows.length})`);
          // One thread's scan (which the tests above hold to the general path; functions are derived after both).
          const whole = readFlatFast(file, context(file), chunk, Infinity)!;
          assert.equal(whole.workerRows, 0);
          assert.deepEqual(fast.rows.rows(), whole.rows.rows());
          assert.equal(fast.sha256, ingestText(readFileSync(file, 'utf8'), file).sources[0].sha256);
        });
      }
    }

    it('gives the first bad record\'s message when it is in the worker\'s half, as one thread would', () => {
      const bad = records.map((r, i) => (i === 2500 ? { ...r, status: 'bogus' } : r));
      const file = tempFile('halves-bad.json', JSON.stringify(bad, null, 0).replace(/},{/g, '},\n{'));
      const message = (min: number) => captured(() => readFlatFast(file, context(file), 4096, min));
      assert.equal(message(1), message(Infinity));
      assert.match(message(1), /\[2500\]/);
    });

    it('scans the worker\'s half itself when the worker gives up (a record skipped with a warning there), hashing each byte once', () => {
      const bad = records.map((r, i) => (i === 2500 ? { ...r, status: 'bogus' } : r));
      const file = tempFile('halves-skipped.json', JSON.stringify(bad, null, 0).replace(/},{/g, '},\n{'));
      const skipping = () => ({ ...context(file), skipInvalid: true });
      const two = skipping();
      const fast = readFlatFast(file, two, 4096, 1);
      assert.ok(fast, 'the fast path took the file');
      assert.equal(fast.workerRows, 0, 'the worker\'s rows are not taken');
      const whole = skipping();
      assert.deepEqual(fast.rows.rows(), readFlatFast(file, whole, 4096, Infinity)!.rows.rows());
      assert.deepEqual(two.warnings, whole.warnings);
      assert.equal(two.warnings.length, 1);
      assert.equal(fast.sha256, createHash('sha256').update(readFileSync(file)).digest('hex'));
    });

    it('steps aside for a syntax error in the worker\'s half, as one thread would', () => {
      const text = readFileSync(layouts['one record a line'], 'utf8');
      const cut = text.lastIndexOf('"status"');
      const file = tempFile('halves-syntax.json', `${text.slice(0, cut)}"status" "success"${text.slice(text.indexOf('}', cut))}`);
      assert.equal(readFlatFast(file, context(file), 4096, Infinity), null);
      assert.equal(readFlatFast(file, context(file), 4096, 1), null);
    });
  });

  it('is what ingestFiles uses, with the same source record', () => {
    const { text, file } = fixture();
    const table = ingestFiles([file]);
    assert.deepEqual(table, ingestText(text, file));
  });

  it('steps aside for other shapes and for escapes, and ingestFiles still reads them', () => {
    assert.equal(readFlatFast(peer(PEER_FILES.wasmCold), context('g')), null);
    const escaped = tempFile('escaped.json', JSON.stringify([{ kind: 'a\\"b', concurrency: 1, duration: 3, waitTime: 1 }]));
    assert.equal(readFlatFast(escaped, context(escaped)), null);
    assert.equal(ingestFiles([escaped]).activations[0].kind, 'a\\"b');
    assert.deepEqual(ingestFiles([SEED_PAIR]), ingestText(readFileSync(SEED_PAIR, 'utf8'), SEED_PAIR));
  });

  it('reports the same first problem as the general path: a syntax error later in the file wins over a bad record', () => {
    const bad = tempFile('bad-then-truncated.json', '[{"kind":"k","concurrency":1,"duration":"x","waitTime":1},\n{"kind":"k",');
    const general = (() => { try { ingestText(readFileSync(bad, 'utf8'), bad); } catch (e) { return (e as Error).message; } })();
    assert.throws(() => ingestFiles([bad]), { message: general });
    assert.match(general!, /truncated/);
  });

  it('collects the same warnings under skipInvalid', () => {
    const mixed = JSON.stringify([
      { kind: 'k', concurrency: 1, duration: 3, waitTime: 1 },
      { kind: 'k', concurrency: 0, duration: 3, waitTime: 1 },
      { kind: 'k', concurrency: 1, duration: 2, waitTime: 1, initTime: 5 },
    ]);
    const bad = tempFile('mixed.json', mixed);
    const fast = ingestFiles([bad], { skipInvalid: true });
    assert.deepEqual(fast, ingestText(mixed, bad, { skipInvalid: true }));
    assert.equal(fast.activations.length, 1);
    assert.equal(fast.warnings.length, 2);
  });
});
