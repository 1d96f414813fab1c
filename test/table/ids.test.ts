// The id column holds ids as UTF-8 bytes: every id must read back as the string it was, whatever
// it holds, through growth, selection, compaction, appending and a hand-over between threads.
import assert from 'node:assert/strict';
import { IdColumn } from '../../src/table/ids.js';

// Hex ids, none, the empty id, non-ASCII, a lone surrogate (which UTF-8 cannot carry), a long one.
const IDS: Array<string | null> = ['dd8fbf1e78e9c5413ffb0079e1ce9b93', null, '', 'ид-1 ✓', 'a\ud800b', 'x'.repeat(5000), 'dd8fbf1e78e9c5413ffb0079e1ce9b93'];

function filled(ids: ReadonlyArray<string | null>): IdColumn {
  const column = new IdColumn(2);
  for (const id of ids) column.push(id);
  return column;
}

const all = (column: IdColumn) => Array.from({ length: column.length }, (_, i) => column.at(i));

describe('table: id column', () => {
  const many = Array.from({ length: 3000 }, (_, i) => IDS[i % IDS.length] === null ? null : `${IDS[i % IDS.length]}-${i % 50}`);

  it('reads back every id as given, through growth', () => {
    assert.deepEqual(all(filled(IDS)), IDS);
    assert.deepEqual(all(filled(many)), many);
  });

  it('tells equal ids by their bytes, with equal hashes, and null from the empty id', () => {
    const column = filled(IDS);
    assert.ok(column.same(0, 6));
    assert.equal(column.hash(0), column.hash(6));
    assert.ok(!column.same(0, 3));
    assert.ok(!column.has(1) && column.has(2));
    assert.ok(column.same(4, 4), 'a lone surrogate is itself');
    const bytes = Buffer.from('zz-dd8fbf1e78e9c5413ffb0079e1ce9b93', 'utf8');
    column.pushBytes(bytes, 3, bytes.length);
    assert.equal(column.at(7), IDS[0]);
    assert.ok(column.same(0, 7));
  });

  it('takes an id as a part of a text, ASCII or not, without its neighbours', () => {
    const column = new IdColumn(2);
    const text = `,${IDS.filter((id): id is string => id !== null).join(',')},`;
    let from = 1;
    for (const id of IDS) {
      if (id === null) continue;
      column.pushText(text, from, from + id.length);
      from += id.length + 1;
    }
    assert.deepEqual(all(column), IDS.filter((id) => id !== null));
    assert.ok(column.same(0, 5), 'the same id from two places of the text');
    assert.ok(column.same(3, 3), 'a lone surrogate is itself');
  });

  it('selects, compacts and appends as arrays would', () => {
    const column = filled(many);
    const indices = Int32Array.from([5, 4, 4, 2999, 0, 1]);
    assert.deepEqual(all(column.select(indices)), [...indices].map((i) => many[i]));
    const keep = Uint8Array.from(many, (_, i) => (i % 3 === 0 ? 1 : 0));
    const compacted = filled(many);
    compacted.compact(keep);
    assert.deepEqual(all(compacted), many.filter((_, i) => keep[i] === 1));
    const joined = filled(IDS);
    joined.append(filled(many));
    assert.deepEqual(all(joined), [...IDS, ...many]);
  });

  it('hands its buffers over, as a worker posts them, without a copy, and reads the same after', () => {
    const parts = filled(many).toParts();
    const moved = structuredClone(parts, { transfer: IdColumn.transferList(parts) });
    assert.deepEqual(all(IdColumn.fromParts(moved)), many);
    // Shared memory (src/table/shared.ts): a byte written on one side is read on the other.
    assert.ok(moved.bytes.buffer instanceof SharedArrayBuffer);
    parts.bytes[0] ^= 1;
    assert.equal(moved.bytes[0], parts.bytes[0], 'the bytes are shared, not copied');
  });
});
