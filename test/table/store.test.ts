import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { ActivationStore } from '../../src/table/store.js';
import { activationCount, storedTable, storeOf } from '../../src/table/table.js';
import type { Activation, Table } from '../../src/types.js';
import { repoRoot } from '../helpers/cli.js';

const fixtures = path.join(repoRoot, 'test/ingest/fixtures');
// Every shape the fixtures hold: compositions and components, failures, CSV exports, a run log.
const INPUTS = ['sequence.json', 'configurations.json', 'statuses.ndjson', 'export.csv'].map((f) => path.join(fixtures, f))
  .concat(path.join(repoRoot, 'data/runs/demo.ndjson'));

/** Rows as plain objects, read through the table's getter once (the table then holds rows). */
const rowsOf = (table: Table) => table.activations.map((row) => ({ ...row }));

describe('table/store: the activation table as columns', () => {
  for (const input of INPUTS) {
    it(`gives back every row of ${path.basename(input)} as ingest made it (values, nulls, key order)`, () => {
      const rows = rowsOf(ingestFiles([input]));
      const again = ActivationStore.fromRows(rows).rows();
      assert.deepStrictEqual(again, rows);
      for (let i = 0; i < rows.length; i++) assert.deepEqual(Object.keys(again[i]), Object.keys(rows[i]));
    });
  }

  it('keeps -0, fractions and a column only some rows set', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    const rows: Activation[] = [{ ...a, wait_ms: -0, client_ms: 0.1 + 0.2 }, { ...a, client_ms: null, label: null }, { ...a, label: 'x' }];
    const back = ActivationStore.fromRows(rows).rows();
    assert.ok(Object.is(back[0].wait_ms, -0));
    assert.equal(back[0].client_ms, 0.30000000000000004);
    assert.deepEqual(back.map((r) => [r.client_ms, r.label]), [[0.30000000000000004, a.label], [null, null], [null, 'x']]);
  });

  it('grows past its first capacity, selects and compacts rows in order', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    const rows = Array.from({ length: 3000 }, (_, i) => ({ ...a, activation_id: `id${i}`, wait_ms: i, label: i % 3 === 0 ? null : `l${i % 7}` }));
    const store = ActivationStore.fromRows(rows);
    assert.deepStrictEqual(store.rows(), rows);
    const picked = Int32Array.from([2999, 5, 0]);
    assert.deepStrictEqual(store.select(picked).rows(), [rows[2999], rows[5], rows[0]]);
    const keep = Uint8Array.from(rows, (_, i) => (i % 2));
    store.compact(keep);
    assert.deepStrictEqual(store.rows(), rows.filter((_, i) => i % 2));
  });

  it('reserves room once, and grows by a quarter past it, every row and id kept', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    const rows = Array.from({ length: 300 }, (_, i) => ({ ...a, activation_id: i % 5 === 0 ? null : `ид-${i}`, wait_ms: i, label: `l${i % 3}` }));
    const store = new ActivationStore(16);
    rows.slice(0, 10).forEach((row) => store.push(row));
    store.reserve(100, 500);
    assert.equal(store.toParts().capacity, 100);
    rows.slice(10).forEach((row) => store.push(row));
    // 100 → 125 → 157 → 197 → 247 → 309: by a quarter, not to 400.
    assert.equal(store.toParts().capacity, 309);
    assert.deepStrictEqual(store.rows(), rows);
  });

  it('reads null wherever no value was written, past every step of its filling, after growth, append and select', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    // 150,000 rows: past two steps of 65,536. A column first set at row 70,000, one set every third row.
    const rows = Array.from({ length: 150_000 }, (_, i) => ({
      ...a, activation_id: `r${i}`, client_ms: i >= 70_000 ? i : null, confidence: i % 3 === 0 ? 0.5 : null, label: i % 5 === 0 ? 'five' : null,
    }));
    const store = new ActivationStore(16);
    rows.forEach((row) => store.push(row));
    assert.deepStrictEqual(store.rows(), rows);
    // Appended rows lack client_ms and label: null there, after a store whose columns have them.
    const other = ActivationStore.fromRows(rows.slice(0, 100_000).map((row) => ({ ...row, client_ms: null, label: null })));
    store.append(other);
    assert.deepStrictEqual(store.rows().slice(150_000), rows.slice(0, 100_000).map((row) => ({ ...row, client_ms: null, label: null })));
    const picked = store.select(Int32Array.from({ length: 1000 }, (_, j) => j * 7));
    picked.push({ ...a, activation_id: 'after', client_ms: null, confidence: null, label: null });
    assert.deepStrictEqual(picked.rowAt(1000), { ...a, activation_id: 'after', client_ms: null, confidence: null, label: null });
  });

  it('leaves room it reserved untouched until rows come', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    const store = new ActivationStore(16);
    store.push(a);
    const before = process.memoryUsage.rss();
    // Room for 10M rows: ~100 bytes a row in this row's columns, ~1 GB if it were filled.
    store.reserve(10_000_000, 0);
    for (let i = 0; i < 1000; i++) store.push(a);
    const grew = process.memoryUsage.rss() - before;
    assert.ok(grew < 200 * 1024 * 1024, `resident memory grew ${Math.round(grew / 1048576)} MB`);
    assert.deepStrictEqual(store.rowAt(1000), a);
  });

  it('reserveFor: the rows of the whole input, at the rows per byte read so far', () => {
    const [a] = rowsOf(ingestFiles([INPUTS[1]]));
    const store = new ActivationStore(16);
    for (let i = 0; i < 50; i++) store.push({ ...a, activation_id: 'x'.repeat(10) });
    // 50 rows from 5,000 bytes: 1,000,000 bytes hold 10,000 rows, with the 2% margin.
    store.reserveFor(5_000, 1_000_000);
    assert.equal(store.toParts().capacity, 10_200);
    assert.equal(store.toParts().ids.bytes.length, 102_000);
  });
});

describe('table/table: columns until someone asks for rows', () => {
  it('analyses the columns and the same rows alike (every figure, byte for byte)', () => {
    const columns = ingestFiles(INPUTS.slice(0, 3));
    const rows = { ...ingestFiles(INPUTS.slice(0, 3)) }; // the spread reads the getter: a table of rows
    assert.equal(activationCount(columns), rows.activations.length);
    assert.equal(JSON.stringify(analyze(columns)), JSON.stringify(analyze(rows)));
  });

  it('hands the table to its rows once they are read: an edit is what the analysis sees', () => {
    const table = ingestFiles([path.join(repoRoot, 'data/runs/demo.ndjson')]);
    const before = analyze(table).groups.length;
    for (const row of table.activations) row.runtime = 'renamed';
    assert.ok(storeOf(table).rows().every((row) => row.runtime === 'renamed'));
    assert.deepEqual([...new Set(analyze(table).groups.map((g) => g.runtime))], ['renamed']);
    assert.ok(before > 1);
  });

  it('takes rows assigned to it', () => {
    const table = storedTable(ActivationStore.fromRows(rowsOf(ingestFiles([INPUTS[1]]))), { aggregates: [], sources: [], warnings: [] });
    table.activations = table.activations.slice(0, 1);
    assert.equal(storeOf(table).length, 1);
    assert.equal(activationCount(table), 1);
  });
});
