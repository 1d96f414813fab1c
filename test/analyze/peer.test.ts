// The peer's published aggregates (average_*.json) reproduced from their raw files (input_*.json),
// read through the real ingest stage, at the peer's own rounding: Python round(x, 2).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { roundHalfEven } from '../../src/analyze/round.js';
import { ingestFiles } from '../../src/ingest/index.js';
import type { GroupFigures } from '../../src/types.js';
import { needPeerData, sharedData } from '../helpers/cli.js';

const peerFolder = () => (needPeerData(), sharedData);

interface PeerRow {
  concurrency: number;
  count: number;
  avg_init: number | 'N/A';
  max_wait: number;
  avg_duration: number;
  avg_total: number;
}

const PAIRS: Array<[input: string, average: string]> = [
  ['input_wasm_cold_start.json', 'average_cold_start_wasm.json'],
  ['input_vanilla_cold_start.json', 'average_cold_start_vanilla.json'],
  ['input_vanilla_cold_start_pull_disabled.json', 'average_cold_start_vanilla_pull_disabled.json'],
  ['input_wasm_prewarmed.json', 'average_prewarmed_wasm.json'],
  ['input_vanilla_prewarmed.json', 'average_prewarmed_vanilla.json'],
];

/** Our figures as the peer's script printed them. */
function asPeerRow(g: GroupFigures): PeerRow {
  const round2 = (x: number | null) => (x === null ? null : roundHalfEven(x, 2));
  return {
    concurrency: g.concurrency,
    count: g.count,
    avg_init: round2(g.avg_init) ?? 'N/A',
    max_wait: g.max_wait!,
    avg_duration: round2(g.avg_duration)!,
    avg_total: round2(g.avg_total)!,
  };
}

describe('analyze reproduces the peer\'s averages from their raw files', () => {
  for (const [input, average] of PAIRS) {
    it(`${input} → ${average}, row for row`, () => {
      const expected = JSON.parse(readFileSync(path.join(peerFolder(), average), 'utf8')) as PeerRow[];
      const { groups } = analyze(ingestFiles([path.join(peerFolder(), input)]), { by: 'repetition' });
      assert.ok(groups.every((g) => g.errors === 0), 'the peer counted every record; all of them succeeded');
      assert.deepEqual(groups.map(asPeerRow), expected);
    });
  }

  it('gives the same cold-start rows when grouped by concurrency (one entry per level)', () => {
    const expected = JSON.parse(readFileSync(path.join(peerFolder(), 'average_cold_start_wasm.json'), 'utf8')) as PeerRow[];
    const { groups } = analyze(ingestFiles([path.join(peerFolder(), 'input_wasm_cold_start.json')]));
    assert.deepEqual(groups.map(asPeerRow), expected);
  });

  it('reads the peer\'s averages themselves back as the same groups (pre-aggregated input)', () => {
    const file = path.join(peerFolder(), 'average_prewarmed_wasm.json');
    const expected = JSON.parse(readFileSync(file, 'utf8')) as PeerRow[];
    const { groups } = analyze(ingestFiles([{ path: file, runtime: 'wasm:0.1' }]), { by: 'repetition' });
    assert.deepEqual(groups.map(asPeerRow), expected);
    assert.deepEqual(groups.map((g) => g.repetition), [0, 1, 2, 3, 4]);
  });
});
