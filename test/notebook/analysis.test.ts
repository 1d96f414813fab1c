// load() and analyze() on real files: each source labelled with its system from the run log's
// target line, and no speedup between two systems unless asked for.
import assert from 'node:assert/strict';
import { analyze as analyzeTable, ingestFiles } from '../../src/index.js';
import { analyze } from '../../src/notebook/analysis.js';
import { setDisplaySink, type DisplayMessage } from '../../src/notebook/display.js';
import { mixedSystems } from '../../src/notebook/messages.js';
import { load } from '../../src/notebook/table.js';
import { inspect } from 'node:util';

describe('notebook load() and analyze()', function () {
  this.timeout(60_000);
  const shown: DisplayMessage[] = [];
  before(() => setDisplaySink((message) => shown.push(message)));
  after(() => setDisplaySink(null));

  it('labels a run log by its target line and a file without one as an unnamed deployment', () => {
    const demo = load('demo');
    assert.deepEqual(demo.sources.map((source) => [source.file, source.system]), [['data/runs/demo.ndjson', 'embedded OpenWhisk (owbench)']]);
    assert.equal(demo.rows.length, ingestFiles(['data/runs/demo.ndjson']).activations.length);
    const seed = load('seed-pair');
    assert.equal(seed.sources[0]!.system, 'OpenWhisk deployment (no run log)');
    assert.deepEqual(seed.warnings, []);
  });

  it('a study shows itself as a table when it is a cell value; its DataFrame is one property away', () => {
    shown.length = 0;
    const demo = load('demo');
    assert.equal(inspect(demo), '240 activations from 1 source');
    assert.match(String(shown[0]!.data['text/html']), /<td>embedded OpenWhisk \(owbench\)<\/td>/);
    assert.deepEqual(demo.frame.shape, [240, demo.frame.columns.length]);
  });

  it('one system: the same speedups as the library; two systems: none between them, and a warning', () => {
    const demo = load('demo');
    assert.deepEqual(analyze(demo).speedups, analyzeTable(demo.table).speedups);
    const mixed = load('demo', 'seed-pair');
    assert.deepEqual(mixed.warnings, [mixedSystems(['embedded OpenWhisk (owbench)', 'OpenWhisk deployment (no run log)'])]);
    const pooled = analyzeTable(mixed.table);
    // The two studies deploy other functions under the same runtime labels, which the library
    // itself never pools (issue 10); the notebook refuses the comparison on the system already.
    assert.deepEqual(analyze(mixed).speedups, []);
    assert.deepEqual(analyze(mixed, { acrossSystems: true }).speedups, pooled.speedups);
  });

  it('a chart is one output: the Vega-Lite v5 spec and a PNG, never inline SVG', async () => {
    shown.length = 0;
    await analyze(load('demo')).chart('latency');
    assert.equal(shown.length, 1);
    const data = shown[0]!.data;
    assert.deepEqual(Object.keys(data).sort(), ['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']);
    const live = data['application/vnd.vegalite.v5+json'] as { $schema: string; config: { mark: { tooltip: boolean } } };
    assert.equal(live.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.equal(live.config.mark.tooltip, true, 'the live chart gives values on hover');
    assert.equal(Buffer.from(String(data['image/png']), 'base64').subarray(1, 4).toString(), 'PNG');
    await assert.rejects(analyze(load('demo')).chart('pie'), /chart\("pie"\): no such chart; charts: latency, split, speedup, ecdf, strip/);
  });

  it('an unknown study names the datasets there are', () => {
    assert.throws(() => load('nope'), /load\("nope"\): no such file and no dataset of that name; datasets: seed-pair, seed-sweep, demo/);
  });
});
