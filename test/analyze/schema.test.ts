// `owbench analyze --json` is one documented shape (issue 10, item 8): held against
// src/analyze/analysis.schema.json on every kind of input, the new shapes included.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { needPeerData, repoRoot, runCli, sharedData } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'src/analyze/analysis.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
const fixture = (name: string) => path.join(repoRoot, 'test/ingest/fixtures', name);

const inputs: Array<[string, string[]]> = [
  ['the peer\'s grouped records', [path.join(sharedData, 'input_wasm_cold_start.json'), path.join(sharedData, 'input_vanilla_cold_start.json')]],
  ['pre-aggregated rows', [path.join(sharedData, 'average_cold_start_wasm.json'), '--runtime', 'wasm:0.1']],
  ['the seed\'s results block and flat records', [path.join(repoRoot, 'data/seed-sweep/results.txt'), path.join(repoRoot, 'data/seed-pair/activations.json')]],
  ['a run log', [path.join(repoRoot, 'data/runs/demo.ndjson')]],
  ['sequences and conductors', [fixture('sequence.json')]],
  ['statuses and a timeout', [fixture('statuses.ndjson')]],
  ['two functions and memory sizes, missing waitTime', [fixture('configurations.json'), '--by', 'action,repetition']],
  ['a CSV export', [fixture('export.csv')]],
];

describe('analyze --json: the documented schema', function () {
  this.timeout(60_000);
  for (const [what, args] of inputs) {
    it(`holds for ${what}`, () => {
      if (args.some((arg) => arg.startsWith(sharedData))) needPeerData();
      const result = runCli(['analyze', ...args, '--json']);
      assert.equal(result.status, 0, result.stderr);
      const analysis: unknown = JSON.parse(result.stdout);
      assert.ok(validate(analysis), JSON.stringify(validate.errors, null, 2));
    });
  }

  it('rejects a group without its cold and warm parts (the schema is not vacuous)', () => {
    const analysis = JSON.parse(runCli(['analyze', fixture('statuses.ndjson'), '--json']).stdout) as { groups: Array<Record<string, unknown>> };
    delete analysis.groups[0].parts;
    assert.equal(validate(analysis), false);
  });
});
