// Flat records (the seed's first block, format 1): the seed's two activations, and the peer's
// records rewritten flat, which must normalize to the same rows as the originals.
import assert from 'node:assert/strict';
import { ingestFiles, ingestText } from '../../src/ingest/index.js';
import { fixture, peer, PEER_FILES, peerAsFlat, SEED_PAIR, tempFile } from './helpers.js';

describe('ingest: flat records', () => {
  it('reads the seed\'s pair of activations with exec and total derived', () => {
    const table = ingestFiles([SEED_PAIR]);
    assert.equal(table.sources[0].format, 'flat-records');
    assert.deepEqual(table.sources[0].runtimes, ['blackbox', 'wasm:0.1']);
    const [blackbox, wasm] = table.activations;
    assert.deepEqual(blackbox, {
      runtime: 'blackbox', kind: 'blackbox', action: null, memory_mb: 512, concurrency: 1, repetition: null,
      activation_id: '28139d03981c4a76939d03981cca7690', start: null, end: null,
      wait_ms: 2330, init_ms: 8130, duration_ms: 8511, exec_ms: 381, total_ms: 10841, client_ms: null,
      cold: true, status: 'success', label: 'hen', confidence: 0.6041240692138672, source: 0,
      function: null, composition: null, caused_by: null, components: null,
    });
    // The seed's "4x improvement" in duration hides that wasm executed slower: 1066 vs 381 ms.
    assert.deepEqual([wasm.init_ms, wasm.duration_ms, wasm.exec_ms, wasm.total_ms, wasm.memory_mb], [1044, 2110, 1066, 2334, 256]);
  });

  for (const name of [PEER_FILES.wasmCold, PEER_FILES.vanillaWarm]) {
    it(`gives the same timings as the original records for ${name} rewritten flat`, () => {
      const flat = tempFile(`flat-${name}`, JSON.stringify(peerAsFlat(name), null, 2));
      const fromFlat = ingestFiles([flat]).activations;
      const fromOriginal = ingestFiles([peer(name)]).activations;
      // Without the action's name there is no function to derive.
      const strip = (r: (typeof fromFlat)[number]) => ({ ...r, action: null, function: null, start: null, end: null, repetition: null });
      assert.deepEqual(fromFlat, fromOriginal.map(strip));
    });
  }

  it('reads back a table saved as JSON (the table\'s own column names)', () => {
    const rows = ingestFiles([peer(PEER_FILES.vanillaCold)]).activations;
    const saved = tempFile('table.json', JSON.stringify(rows));
    const table = ingestFiles([saved]);
    assert.equal(table.sources[0].format, 'flat-records');
    assert.deepEqual(table.activations, rows);
  });

  it('reads back a table with sequences and their components saved as JSON (fast path and general path)', () => {
    const rows = ingestFiles([fixture('sequence.json')]).activations;
    const saved = tempFile('sequences-table.json', JSON.stringify(rows));
    assert.deepEqual(ingestFiles([saved]).activations, rows);
    assert.deepEqual(ingestText(JSON.stringify(rows), 'in-memory.json').activations, rows);
  });

  it('takes runtime from a "runtime" field, and --runtime over both', () => {
    const text = JSON.stringify([{ runtime: 'wasm', kind: 'wasm:0.1', concurrency: 2, duration: 10, waitTime: 1 }]);
    assert.equal(ingestText(text, 'r.json').activations[0].runtime, 'wasm');
    assert.equal(ingestText(text, 'r.json', { runtime: 'other' }).activations[0].runtime, 'other');
  });

  it('recognizes a file whose first record is a failure without timings', () => {
    const text = JSON.stringify([{ kind: 'k', concurrency: 4, status: 'throttled' }, { kind: 'k', concurrency: 4, duration: 5, waitTime: 1 }]);
    const table = ingestFiles([tempFile('throttled-first.json', text)]);
    assert.equal(table.sources[0].format, 'flat-records');
    assert.deepEqual(table.activations.map((r) => [r.status, r.duration_ms, r.total_ms, r.cold]), [['throttled', null, null, false], ['success', 5, 6, false]]);
  });

  it('keeps failures with their status, and reads status "success" when absent', () => {
    const text = JSON.stringify([
      { kind: 'k', concurrency: 1, duration: 5, waitTime: 1, status: 'action developer error' },
      { kind: 'k', concurrency: 1, duration: 6, waitTime: 2 },
    ]);
    assert.deepEqual(ingestText(text, 's.json').activations.map((r) => r.status), ['action developer error', 'success']);
  });
});
