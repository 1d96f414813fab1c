// Each cell's runs as splitting the rows by hand and sorting every (cell, run)'s values alone gives
// them: the same values in the same order, and the same sums, which every median and mean reads.
import assert from 'node:assert/strict';
import { ActivationStore } from '../../src/table/store.js';
import { mulberry32 } from '../../src/analyze/prng.js';
import { collectRunCells, UNIT_METRICS } from '../../src/analyze/run-cells.js';
import type { Activation } from '../../src/types.js';

describe('analyze/run-cells: collectRunCells', () => {
  it('splits by runtime, level, cold or warm and run, each run ascending with its sum', () => {
    const u = mulberry32(8);
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const cold = u() < 0.2;
      const value = () => (u() < 0.05 ? null : Math.round(u() * 2000) / 10);
      return {
        runtime: ['a', 'b'][i % 2], concurrency: u() < 0.1 ? null : 1 + ((u() * 3) | 0), cold, repetition: (u() * 4) | 0,
        status: u() < 0.05 ? 'application error' : 'success', init_ms: cold ? value() : null, exec_ms: value(), total_ms: value(),
      } as unknown as Activation;
    });
    const cells = collectRunCells(ActivationStore.fromRows(rows), (row) => row.repetition ?? -1);
    let seen = 0;
    for (const cell of cells) {
      const mine = rows.filter((r) => r.status === 'success' && r.runtime === cell.runtime && r.concurrency === cell.concurrency && (r.cold ? 'cold' : 'warm') === cell.part);
      const runOrder = [...new Set(mine.map((r) => r.repetition))];
      for (const metric of UNIT_METRICS) {
        const valueOf = (r: Activation) => (metric === 'init' ? (r.cold ? r.init_ms : null) : metric === 'exec' ? r.exec_ms : r.total_ms);
        const expected = runOrder.map((run) => mine.filter((r) => r.repetition === run).map(valueOf).filter((v): v is number => v !== null))
          .filter((values) => values.length > 0).map((values) => Float64Array.from(values).sort());
        assert.equal(cell.runs[metric].length, expected.length, `${cell.runtime} ${cell.concurrency} ${cell.part} ${metric}: runs`);
        cell.runs[metric].forEach((run, r) => {
          assert.deepEqual([...run.sorted], [...expected[r]]);
          assert.equal(run.sum, expected[r].reduce((s, v) => s + v, 0));
          seen += run.sorted.length;
        });
      }
    }
    assert.ok(seen > 8000, `values seen: ${seen}`);
  });
});
