import assert from 'node:assert/strict';
import { storeOf } from '../../src/table/table.js';
import { chooseUnit, runKeyOf } from '../../src/analyze/unit.js';
import { row, table } from './table.js';

describe('analyze/unit: the experimental unit', () => {
  const at = (runtime: string, repetition: number | null, source = 0) => ({ ...row({ runtime, repetition, wait: 1, duration: 10 }), source });

  it('is the run by repetition when a cell has two repetitions', () => {
    const choice = chooseUnit(storeOf(table([at('a', 1), at('a', 2), at('b', 1)])));
    assert.deepEqual(choice, { unit: 'run', field: 'repetition' });
    assert.equal(runKeyOf(choice)(at('a', 2)), 2);
  });

  it('is the run by input file when a cell draws on two files and has no repetitions', () => {
    assert.deepEqual(chooseUnit(storeOf(table([at('a', null, 0), at('a', null, 1)]))), { unit: 'run', field: 'source' });
  });

  it('is the activation when every cell is one run (one file per runtime is not several runs)', () => {
    assert.deepEqual(chooseUnit(storeOf(table([at('a', null, 0), at('a', null, 0), at('b', null, 1)]))), { unit: 'activation', field: null });
    assert.deepEqual(chooseUnit(storeOf(table([at('a', 3), at('a', 3)]))), { unit: 'activation', field: null });
  });

  it('prefers repetitions to files whichever cell and row shows them first (one pass decides both)', () => {
    // Two files seen in cell a before two repetitions in cell b: still the repetition.
    assert.deepEqual(chooseUnit(storeOf(table([at('a', 1, 0), at('a', 1, 1), at('b', 1, 0), at('b', 2, 0)]))), { unit: 'run', field: 'repetition' });
    // Two files in one cell, one repetition in every cell: the file.
    assert.deepEqual(chooseUnit(storeOf(table([at('a', 1, 0), at('b', 1, 0), at('b', 1, 1)]))), { unit: 'run', field: 'source' });
  });
});
