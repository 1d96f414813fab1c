// Each source is labelled with the system its run log names (the embedded OpenWhisk or a real
// deployment's API host), and speedups never cross two systems unless asked. The real-deployment
// log here is the demo's own log with its target line naming a deployment (and other activation ids),
// so both hold the same runtimes: pooled, each runtime was measured on two systems.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze as analyzeTable, ingestFiles } from '../../src/index.js';
import { analyze } from '../../src/notebook/analysis.js';
import { setDisplaySink } from '../../src/notebook/display.js';
import { mixedSystems } from '../../src/notebook/messages.js';
import { systemOf } from '../../src/notebook/sources.js';
import { load } from '../../src/notebook/table.js';
import { repoRoot } from '../helpers/cli.js';

describe('notebook sources: the system each input was measured on', function () {
  this.timeout(60_000);
  let dir: string;
  let deployment: string;
  const demo = path.join(repoRoot, 'data', 'runs', 'demo.ndjson');

  before(() => {
    setDisplaySink(() => {});
    dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-sources-'));
    const [header, ...lines] = readFileSync(demo, 'utf8').split('\n');
    const run = JSON.parse(header!) as { target: Record<string, unknown> };
    run.target = { apihost: 'https://openwhisk.example.org', namespace: 'guest', embedded: false };
    deployment = path.join(dir, 'deployment.ndjson');
    // Other activations than the demo's (the same ids would be counted once): every id reversed.
    const ids = new Set([...lines.join('\n').matchAll(/"activation_id":"(\w+)"/g)].map((match) => match[1]!));
    let body = lines.join('\n');
    for (const id of ids) body = body.replaceAll(id, [...id].reverse().join(''));
    writeFileSync(deployment, `${JSON.stringify(run)}\n${body}`);
  });
  after(() => {
    setDisplaySink(null);
    rmSync(dir, { recursive: true, force: true });
  });

  it("names a run log's target: the embedded server, a deployment's API host; a records file names none", () => {
    assert.deepEqual(systemOf(demo), { system: 'embedded OpenWhisk (owbench)', embedded: true });
    assert.deepEqual(systemOf(deployment), { system: 'OpenWhisk at https://openwhisk.example.org', embedded: false });
    assert.deepEqual(systemOf(path.join(repoRoot, 'data', 'seed-pair', 'activations.json')), { system: 'OpenWhisk deployment (no run log)', embedded: false });
  });

  it('one real deployment alone: labelled, no warning, the same speedups as the library', () => {
    const data = load(deployment);
    assert.deepEqual(data.sources.map((source) => [source.system, source.embedded, source.activations]), [['OpenWhisk at https://openwhisk.example.org', false, 240]]);
    assert.deepEqual(data.warnings, []);
    const speedups = analyze(data).speedups;
    assert.ok(speedups.length > 0);
    assert.deepEqual(speedups, analyzeTable(ingestFiles([deployment])).speedups);
  });

  it('the deployment and the embedded server pooled: both labelled, a warning, no speedup unless asked', () => {
    const data = load(demo, deployment);
    assert.deepEqual(data.sources.map((source) => source.system), ['embedded OpenWhisk (owbench)', 'OpenWhisk at https://openwhisk.example.org']);
    assert.deepEqual(data.warnings, [mixedSystems(['embedded OpenWhisk (owbench)', 'OpenWhisk at https://openwhisk.example.org'])]);
    const results = analyze(data);
    assert.deepEqual(results.speedups, []);
    assert.match(results.bundle()['text/plain']!, /no speedups[\s\S]*warning: the sources come from different systems/);
    assert.ok(analyze(data, { acrossSystems: true }).speedups.length > 0, 'asked for: computed');
  });
});
