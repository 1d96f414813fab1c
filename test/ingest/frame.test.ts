// loadFrame: the table as a danfo DataFrame, columns in DESIGN.md §2.1 order, values untouched.
import assert from 'node:assert/strict';
import { COLUMNS, ingestFiles, loadFrame } from '../../src/ingest/index.js';
import { peer, PEER_FILES, SEED_PAIR } from './helpers.js';

describe('ingest: loadFrame (danfo)', function () {
  this.timeout(60000); // danfo loads tfjs on first use

  it('holds every row, columns in §2.1 order, values exactly as the table has them', () => {
    const inputs = [peer(PEER_FILES.wasmCold), peer(PEER_FILES.vanillaWarm), SEED_PAIR];
    const frame = loadFrame(inputs);
    const rows = ingestFiles(inputs).activations;
    assert.deepEqual(frame.columns, [
      'runtime', 'kind', 'action', 'memory_mb', 'function', 'concurrency', 'repetition', 'activation_id', 'start', 'end',
      'wait_ms', 'init_ms', 'duration_ms', 'exec_ms', 'total_ms', 'client_ms', 'cold', 'status', 'label',
      'confidence', 'composition', 'caused_by', 'components', 'source',
    ]);
    assert.deepEqual(frame.shape, [rows.length, COLUMNS.length]);
    for (const column of COLUMNS) {
      // No float32 rounding of epoch ms or confidences, and warm init stays null.
      assert.deepEqual(frame.column(column).values, rows.map((r) => r[column]), column);
    }
    assert.equal(frame.column('start').values[0], 1747254547099);
    assert.equal(frame.column('confidence').values[0], 0.6030619144439697);
    assert.equal(frame.column('init_ms').values[1], null);
  });

  it('gives an empty frame with the same columns for a file of aggregates only', () => {
    const frame = loadFrame([{ path: peer('average_cold_start_wasm.json'), runtime: 'wasm' }]);
    assert.deepEqual(frame.columns, [...COLUMNS]);
    assert.equal(frame.shape[0], 0);
  });
});
