// Groups' columns are cut from one block (columns.ts), which a later grouping of the same rows
// writes over (analyze.ts groups by runtime into its level groups' memory once they are let go).
import assert from 'node:assert/strict';
import path from 'node:path';
import { collectColumns, type ColumnArena, type GroupColumns } from '../../src/analyze/columns.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { storeOf } from '../../src/table/table.js';
import { repoRoot } from '../helpers/cli.js';

/** Each group's values, copied out of whatever memory holds them. */
const valuesOf = (groups: GroupColumns[]) => groups.map((g) => ({
  key: [g.runtime, g.concurrency],
  all: [g.wait, g.init, g.duration, g.exec, g.total, g.coldCost].map((c) => [...c]),
  cold: [g.coldPart.total, g.coldPart.init].map((c) => [...c]),
  warm: [g.warmPart.total, g.warmPart.wait].map((c) => [...c]),
}));

describe('analyze/columns: groups cut from one block', () => {
  const store = storeOf(ingestFiles([path.join(repoRoot, 'data/runs/demo.ndjson')]));

  it('writes a second grouping over the first one\'s block, with the values a grouping of its own gives', () => {
    const arena: ColumnArena = { block: null };
    const levels = collectColumns(store, 'concurrency', arena);
    const block = arena.block;
    assert.ok(block !== null && levels.every((g) => g.total.buffer === block.buffer), 'the level groups are views of the block');
    const runtimes = collectColumns(store, 'runtime', arena);
    assert.equal(arena.block, block, 'the same rows fit the same block: it is used again');
    assert.ok(runtimes.every((g) => g.total.buffer === block.buffer));
    assert.deepEqual(valuesOf(runtimes), valuesOf(collectColumns(store, 'runtime')));
    assert.ok(runtimes.reduce((n, g) => n + g.total.length, 0) > 0);
  });

  it('cuts no group\'s columns into another\'s', () => {
    const groups = collectColumns(store, 'concurrency');
    const ranges = groups.flatMap((g) => [g, g.coldPart, g.warmPart].flatMap((set) => [set.wait, set.init, set.duration, set.exec, set.total, set.coldCost]))
      .filter((c) => c.length > 0)
      .map((c) => [c.byteOffset, c.byteOffset + c.byteLength] as const)
      .sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < ranges.length; k++) assert.ok(ranges[k][0] >= ranges[k - 1][1], `columns overlap at byte ${ranges[k][0]}`);
  });
});
