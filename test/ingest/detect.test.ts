// Formats are detected by content, never by the file's name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFiles } from '../../src/ingest/index.js';
import { repoRoot } from '../helpers/cli.js';
import { peer, PEER_FILES, peerRecords, SEED_PAIR, tempFile } from './helpers.js';

describe('ingest: format detection', () => {
  // Contents are made when their test runs: those from the peer's files are skipped without them.
  const record = () => peerRecords(PEER_FILES.wasmCold)[0].record;
  const cases: Array<[string, () => string]> = [
    ['flat-records', () => readFileSync(SEED_PAIR, 'utf8')],
    ['grouped-by-concurrency', () => readFileSync(peer(PEER_FILES.wasmWarm), 'utf8')],
    ['activation-records', () => JSON.stringify(record())],
    ['activation-ndjson', () => `${JSON.stringify(record())}\n${JSON.stringify(record())}\n`],
    ['wsk-activation-get', () => `ok: got activation ${String(record().activationId)}\n${JSON.stringify(record(), null, 4)}\n`],
    ['aggregate-json', () => readFileSync(peer('average_cold_start_wasm.json'), 'utf8')],
    ['aggregate-python', () => readFileSync(path.join(repoRoot, 'data/seed-sweep/results.txt'), 'utf8')],
    ['run-log', () => '{"type":"run","version":1}\n'],
    ['csv', () => 'runtime,concurrency,wait_ms,duration_ms\nwasm,1,3,4\n'],
  ];
  for (const [format, content] of cases) {
    it(`finds ${format} whatever the file is called`, () => {
      for (const name of ['data.csv', 'data.json', 'data']) {
        const table = ingestFiles([{ path: tempFile(`${format}-${name}`, content()), runtime: 'r' }]);
        assert.equal(table.sources[0].format, format, name);
      }
    });
  }

  it('reads a file with a byte-order mark', () => {
    const table = ingestFiles([tempFile('bom.json', '\ufeff' + readFileSync(SEED_PAIR, 'utf8'))]);
    assert.equal(table.activations.length, 2);
  });
});
