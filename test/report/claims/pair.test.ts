import assert from 'node:assert/strict';
import { pairClaims } from '../../../src/report/claims/pair.js';
import { row } from '../tables.js';

const label = (id: string) => id;

describe('report/claims/pair', () => {
  it('compares execution separately from duration (the seed pair, by hand)', () => {
    const claims = pairClaims(
      [
        row({ runtime: 'blackbox', memory_mb: 512, init_ms: 8130, duration_ms: 8511, wait_ms: 2330, label: 'hen', confidence: 0.6041240692138672 }),
        row({ runtime: 'wasm:0.1', memory_mb: 256, init_ms: 1044, duration_ms: 2110, wait_ms: 224, label: 'hen', confidence: 0.6030619144439697 }),
      ],
      label,
    );
    assert.deepEqual(claims.runs.map((r) => r.exec_ms), [381, 1066]);
    assert.deepEqual(claims.runs.map((r) => r.total_ms), [10841, 2334]);
    assert.equal(claims.duration?.factor, 4.0);
    assert.equal(claims.duration?.lower.name, 'Run #2');
    assert.equal(claims.exec?.factor, 2.8);
    assert.equal(claims.exec?.lower.name, 'Run #1');
    assert.equal(claims.duration_hides_exec, true);
    assert.equal(claims.total?.factor, 4.6);
    assert.equal(claims.wait?.factor, 10.4);
    assert.deepEqual(claims.memory, { less: { name: 'Run #2', mb: 256 }, more: { name: 'Run #1', mb: 512 }, factor: 2, half: true, less_is_faster: true });
    // 0.6041240692 − 0.6030619144, from the unrounded scores.
    assert.deepEqual(claims.prediction, { same_label: true, confidence_difference: 0.0011, similar_confidence: true });
    assert.deepEqual(claims.runs.map((r) => r.confidence), [0.6041, 0.6031]);
  });

  it('says "about the same" within 10%, and nothing hides when duration and execution agree', () => {
    const claims = pairClaims(
      [
        row({ runtime: 'a', init_ms: 100, duration_ms: 1000, wait_ms: 50 }),
        row({ runtime: 'b', init_ms: 95, duration_ms: 500, wait_ms: 52 }),
      ],
      label,
    );
    assert.equal(claims.init?.same, true);
    assert.equal(claims.wait?.same, true);
    assert.equal(claims.exec?.lower.name, 'Run #2');
    assert.equal(claims.duration_hides_exec, false);
    assert.equal(claims.memory, null);
    assert.equal(claims.prediction, null);
  });

  it('has no init comparison when a run is warm, and no factor against a zero time', () => {
    const claims = pairClaims(
      [row({ runtime: 'a', init_ms: 100, duration_ms: 1000, wait_ms: 0 }), row({ runtime: 'b', duration_ms: 400, wait_ms: 3 })],
      label,
    );
    assert.equal(claims.both_cold, false);
    assert.equal(claims.init, null);
    assert.equal(claims.wait, null);
    assert.equal(claims.runs[1].init_ms, null);
    assert.equal(claims.runs[1].exec_ms, 400);
  });
});
