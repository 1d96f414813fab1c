// A small sample of every input format (src/ingest/detect.ts), built from data the repository
// holds: the seed's files (data/seed-pair, data/seed-sweep) and the demo run log (data/runs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputFormat } from '../../src/types.js';
import { repoRoot } from '../helpers/cli.js';

export interface Sample {
  format: InputFormat;
  bytes: Buffer;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

export function formatSamples(): Record<string, Sample> {
  const log = read('data/runs/demo.ndjson').split('\n').filter(Boolean);
  const lines = log.map((line) => JSON.parse(line) as { type: string; record?: Record<string, unknown> });
  const records = lines.filter((l) => l.type === 'activation').slice(0, 6).map((l) => l.record!);
  const sample = (format: InputFormat, text: string): Sample => ({ format, bytes: Buffer.from(text, 'utf8') });
  return {
    flat: sample('flat-records', read('data/seed-pair/activations.json')),
    python: sample('aggregate-python', read('data/seed-sweep/results.txt')),
    runLog: sample('run-log', `${log.slice(0, 13).join('\n')}\n`),
    records: sample('activation-records', JSON.stringify(records, null, 1)),
    ndjson: sample('activation-ndjson', `${records.map((r) => JSON.stringify(r)).join('\n')}\n`),
    grouped: sample('grouped-by-concurrency', JSON.stringify([{ no_concurrent_requests: 1, responses: records }])),
    wsk: sample('wsk-activation-get', records.slice(0, 2).map((r) => `ok: got activation ${String(r.activationId)}\n${JSON.stringify(r, null, 4)}\n`).join('')),
    aggregates: sample('aggregate-json', JSON.stringify([
      { runtime: 'wasm', concurrency: 1, count: 3, avg_init: 1038, max_wait: 296, avg_duration: 2154, avg_total: 2450 },
      { runtime: 'blackbox', concurrency: 1, count: 3, avg_init: 'N/A', max_wait: 310, avg_duration: 8511, avg_total: 8900 },
    ])),
    csv: sample('csv', 'runtime,concurrency,wait_ms,duration_ms,init_ms,cold\n' +
      'blackbox,1,2330,8511,8130,true\nwasm:0.1,1,224,2110,1044,true\n"wasm:0.1",2,12,400,,false\n'),
  };
}
