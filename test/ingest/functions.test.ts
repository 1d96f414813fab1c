// The function behind an action name (issue 10): numbered copies and owbench's fresh actions are
// one function; a lone number is part of the name; the run log takes it from its experiment.
import assert from 'node:assert/strict';
import { ActivationStore } from '../../src/table/store.js';
import { deriveFunctions, functionOfAction, numberedStemsOf } from '../../src/ingest/functions.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { fixture, peer, PEER_FILES } from './helpers.js';
import { repoRoot } from '../helpers/cli.js';
import path from 'node:path';

describe('ingest: functions from action names', () => {
  it('makes the peer\'s mobilenet_native_rust1…5 one function', () => {
    const rows = ingestFiles([peer(PEER_FILES.wasmCold)]).activations;
    assert.equal(new Set(rows.map((r) => r.action)).size, 5);
    assert.deepEqual([...new Set(rows.map((r) => r.function))], ['mobilenet_native_rust']);
  });

  it('strips owbench\'s per-trial suffix and the package path', () => {
    const names = ['guest/owbench-b7f5b457-wasm-0.1-c3-r2-i1', 'guest/owbench-b7f5b457-wasm-0.1-c5-r8-i4'];
    const stems = numberedStemsOf(names);
    assert.deepEqual(names.map((n) => functionOfAction(n, stems)), ['owbench-b7f5b457-wasm-0.1', 'owbench-b7f5b457-wasm-0.1']);
  });

  it('keeps a lone trailing number (resnet50) and strips a separator before numbering (resize-1, resize-2)', () => {
    const names = ['guest/resnet50', 'guest/pkg/resize-1', 'guest/pkg/resize-2'];
    const stems = numberedStemsOf(names);
    assert.deepEqual(names.map((n) => functionOfAction(n, stems)), ['resnet50', 'resize', 'resize']);
  });

  it('keeps a function the data names, and fills only the others', () => {
    const rows = ingestFiles([fixture('configurations.json')]).activations;
    for (const row of rows) row.function = null;
    rows[0].function = 'named';
    const store = ActivationStore.fromRows(rows);
    deriveFunctions(store);
    assert.deepEqual([0, 1, 2].map((i) => store.rowAt(i).function), ['named', 'thumb', 'resize']);
  });

  it('takes a run log\'s function from its experiment (its name, for every runtime)', () => {
    const rows = ingestFiles([path.join(repoRoot, 'data/runs/demo.ndjson')]).activations;
    assert.deepEqual([...new Set(rows.map((r) => r.function))], ['demo']);
  });
});
