// The peer's raw files (records grouped by concurrency level) against their own raw records and
// against the aggregates the peer's authors published from them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ingestFiles } from '../../src/ingest/index.js';
import type { Activation } from '../../src/types.js';
import { annotation, peer, PEER_FILES, peerRecords } from './helpers.js';

const rowsOf = (name: string): Activation[] => ingestFiles([peer(name)]).activations;

describe('ingest: records grouped by concurrency (the peer\'s input_*.json)', () => {
  it('reads every record of the five files', () => {
    assert.equal(rowsOf(PEER_FILES.wasmCold).length, 15);
    assert.equal(rowsOf(PEER_FILES.vanillaCold).length, 10);
    assert.equal(rowsOf(PEER_FILES.vanillaColdPullDisabled).length, 15);
    assert.equal(rowsOf(PEER_FILES.wasmWarm).length, 5);
    assert.equal(rowsOf(PEER_FILES.vanillaWarm).length, 5);
  });

  for (const name of Object.values(PEER_FILES)) {
    it(`normalizes each record of ${name} as DESIGN §2.1 says`, () => {
      const raw = peerRecords(name);
      const rows = rowsOf(name);
      assert.equal(rows.length, raw.length);
      rows.forEach((row, i) => {
        const { record, concurrency } = raw[i];
        const init = (annotation(record, 'initTime') as number | undefined) ?? null;
        const wait = annotation(record, 'waitTime') as number;
        const duration = record.duration as number;
        assert.equal(row.activation_id, record.activationId);
        assert.equal(row.concurrency, concurrency);
        assert.equal(row.wait_ms, wait);
        assert.equal(row.init_ms, init, 'warm rows have init null, not 0');
        assert.equal(row.duration_ms, duration);
        assert.equal(row.exec_ms, duration - (init ?? 0));
        assert.equal(row.total_ms, wait + duration);
        assert.equal(row.cold, init !== null);
        assert.equal(row.start, record.start);
        assert.equal(row.end, record.end);
        assert.equal(row.kind, annotation(record, 'kind'));
        assert.equal(row.runtime, row.kind);
        assert.equal(row.memory_mb, (annotation(record, 'limits') as { memory: number }).memory);
        assert.equal(row.action, annotation(record, 'path'));
        assert.equal(row.status, 'success');
        assert.equal(row.label, 'hen');
      });
    });
  }

  it('keeps the figures of specific records', () => {
    const wasm = rowsOf(PEER_FILES.wasmCold);
    assert.deepEqual(
      [wasm[0].wait_ms, wasm[0].init_ms, wasm[0].duration_ms, wasm[0].exec_ms, wasm[0].total_ms],
      [296, 1038, 2154, 1116, 2450],
    );
    assert.equal(wasm[0].confidence, 0.6030619144439697);
    const vanilla = rowsOf(PEER_FILES.vanillaCold);
    // Concurrency 4: every activation cold, waits piling up behind one another.
    assert.deepEqual(vanilla.filter((r) => r.concurrency === 4).map((r) => r.wait_ms), [2400, 13184, 24153, 35518]);
    assert.deepEqual(vanilla.filter((r) => r.concurrency === 2).map((r) => r.init_ms), [null, 8661]);
    // The blackbox action prints its answer into result.body; the label is found there.
    assert.equal(vanilla[0].confidence, 0.6041240692138672);
  });

  it('numbers repetitions per level: prewarmed files give 0..4 at concurrency 1, cold files one per level', () => {
    const warm = rowsOf(PEER_FILES.wasmWarm);
    assert.deepEqual(warm.map((r) => [r.concurrency, r.repetition, r.init_ms, r.cold]), [
      [1, 0, null, false], [1, 1, null, false], [1, 2, null, false], [1, 3, null, false], [1, 4, null, false],
    ]);
    assert.deepEqual(warm.map((r) => r.duration_ms), [1024, 1001, 1007, 976, 1035]);
    assert.ok(rowsOf(PEER_FILES.wasmCold).every((r) => r.repetition === 0));
  });

  it('reproduces the aggregates the peer published from the same files', () => {
    const pairs = [
      ['input_wasm_cold_start.json', 'average_cold_start_wasm.json'],
      ['input_vanilla_cold_start.json', 'average_cold_start_vanilla.json'],
      ['input_vanilla_cold_start_pull_disabled.json', 'average_cold_start_vanilla_pull_disabled.json'],
      ['input_wasm_prewarmed.json', 'average_prewarmed_wasm.json'],
      ['input_vanilla_prewarmed.json', 'average_prewarmed_vanilla.json'],
    ];
    const round2 = (x: number) => Math.round(x * 100) / 100;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const [input, average] of pairs) {
      const published = JSON.parse(readFileSync(peer(average), 'utf8')) as Array<Record<string, unknown>>;
      const rows = rowsOf(input);
      // One published row per entry of the input: (concurrency, repetition) identifies it.
      const entries = [...new Set(rows.map((r) => `${r.concurrency}/${r.repetition}`))];
      const ours = entries.map((entry) => {
        const group = rows.filter((r) => `${r.concurrency}/${r.repetition}` === entry);
        const inits = group.flatMap((r) => (r.init_ms === null ? [] : [r.init_ms]));
        return {
          concurrency: group[0].concurrency,
          count: group.length,
          avg_init: inits.length ? round2(mean(inits)) : 'N/A',
          max_wait: Math.max(...group.map((r) => r.wait_ms ?? 0)),
          avg_duration: round2(mean(group.map((r) => r.duration_ms!))),
          avg_total: round2(mean(group.map((r) => r.total_ms!))),
        };
      });
      assert.deepEqual(ours, published, average);
    }
  });

  it('records the source: path, sha256 of the bytes (as sha256sum computes it), format, runtimes', () => {
    const file = peer(PEER_FILES.vanillaCold);
    const table = ingestFiles([file, peer(PEER_FILES.wasmWarm)]);
    const sha = execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
    assert.deepEqual(table.sources[0], { path: file, sha256: sha, format: 'grouped-by-concurrency', runtimes: ['blackbox'] });
    assert.deepEqual(table.sources[1].runtimes, ['wasm:0.1']);
    assert.deepEqual([...new Set(table.activations.map((r) => r.source))], [0, 1]);
    assert.equal(table.activations.length, 15);
  });

  it('lets --runtime name the runtime while kind keeps the annotation', () => {
    const rows = ingestFiles([{ path: peer(PEER_FILES.wasmWarm), runtime: 'wasm' }]).activations;
    assert.ok(rows.every((r) => r.runtime === 'wasm' && r.kind === 'wasm:0.1'));
  });
});
