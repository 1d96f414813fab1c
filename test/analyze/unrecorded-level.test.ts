// Data without a concurrency level (raw OpenWhisk records, `owbench fetch` output): the two
// runtimes are still compared, as one stratum (issue 11). The records are the demo run log's, as
// the API returns them; the figures are checked against numpy computed from the raw records.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestText } from '../../src/ingest/index.js';
import { repoRoot } from '../helpers/cli.js';
import { pandasMissing, runPython } from './python.js';

const NUMPY_RATIOS = `
import json, sys, numpy as np
records = json.load(sys.stdin)
def total(r):
    wait = next(a['value'] for a in r['annotations'] if a['key'] == 'waitTime')
    return wait + r['duration']
def runtime(r):
    return next(a['value'] for a in r['annotations'] if a['key'] == 'kind')
t = {k: np.array([total(r) for r in records if runtime(r) == k and r['response']['success']]) for k in ('blackbox', 'wasm:0.1')}
print(json.dumps({'mean': t['blackbox'].mean() / t['wasm:0.1'].mean(), 'median': np.median(t['blackbox']) / np.median(t['wasm:0.1']), 'n': [len(t['blackbox']), len(t['wasm:0.1'])]}))
`;

describe('analyze/inference: a level the data does not record is one stratum', () => {
  const log = readFileSync(path.join(repoRoot, 'data/runs/demo.ndjson'), 'utf8').split('\n').filter(Boolean);
  const records = log.map((line) => JSON.parse(line) as { type: string; record?: unknown })
    .filter((l) => l.type === 'activation').map((l) => l.record as Record<string, unknown>);
  const fetched = JSON.stringify(records);

  it('compares blackbox and wasm in fetched records: one run, so the activation is the unit', function () {
    if (pandasMissing()) this.skip();
    const table = ingestText(fetched, 'fetched.json');
    assert.ok(table.activations.every((r) => r.concurrency === null), 'fetched records carry no level');
    const inference = analyze(table).inference!;
    assert.equal(inference.unit, 'activation');
    assert.equal(inference.comparisons.length, 0);
    const rows = inference.unrecorded_level!;
    assert.deepEqual(rows.map((c) => `${c.part} ${c.metric}`), ['cold init_ms', 'cold exec_ms', 'cold total_ms']);
    assert.equal(inference.family, rows.length);
    const total = rows.find((c) => c.metric === 'total_ms')!;
    const expected = JSON.parse(runPython(['-c', NUMPY_RATIOS], fetched)) as { mean: number; median: number; n: number[] };
    assert.deepEqual([total.n_baseline, total.n_candidate], expected.n);
    assert.ok(Math.abs(total.mean_ratio - expected.mean) < 1e-12, `${total.mean_ratio} ≠ ${expected.mean}`);
    assert.ok(Math.abs(total.median_ratio - expected.median) < 1e-12);
    // 120 activations a side: an interval, at the activation (it describes this set only).
    assert.ok(total.mean_ci !== null && total.mean_ci[0] < total.mean_ratio && total.mean_ratio < total.mean_ci[1]);
    assert.ok(total.significant);
  });

  it('treats two fetches as two runs: too few for an interval, still tested', () => {
    const half = records.length / 2;
    const table = ingestText(JSON.stringify(records.slice(0, half)), 'first.json');
    const second = ingestText(JSON.stringify(records.slice(half)), 'second.json');
    const both = { ...table, activations: [...table.activations, ...second.activations.map((r) => ({ ...r, source: 1 }))] };
    const inference = analyze(both).inference!;
    assert.equal(inference.unit, 'run');
    assert.equal(inference.unit_field, 'source');
    for (const c of inference.unrecorded_level!) {
      assert.equal(c.n_baseline, 2);
      assert.equal(c.mean_ci, null);
      assert.equal(c.no_interval, 'too few units');
    }
  });

  it('keeps a recorded level and the unrecorded stratum apart, in one Holm family', () => {
    const table = ingestText(fetched, 'fetched.json');
    const leveled = table.activations.slice(0, 120).map((r) => ({ ...r, concurrency: 1 }));
    const mixed = { ...table, activations: [...leveled, ...table.activations.slice(120)] };
    const inference = analyze(mixed).inference!;
    assert.ok(inference.comparisons.every((c) => c.concurrency === 1));
    assert.ok((inference.unrecorded_level ?? []).every((c) => c.concurrency === null));
    assert.equal(inference.family, inference.comparisons.length + (inference.unrecorded_level ?? []).length);
  });
});
