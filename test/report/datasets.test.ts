import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { folderDatasets, listDatasets, readDataset, type DatasetProvider } from '../../src/report/datasets.js';
import { repoRoot } from './helpers.js';

function datasetFile(json: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-dataset-'));
  const file = path.join(dir, 'dataset.json');
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
}

function expectInputError(file: string, place: string | null, problem: RegExp) {
  assert.throws(() => readDataset(file), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.file, file);
    assert.equal(e.place, place);
    assert.match(e.problem, problem);
    return true;
  });
}

describe('report/datasets', () => {
  it('lists the seed datasets of data/, by name, with inputs resolved from their folder', () => {
    const datasets = listDatasets(path.join(repoRoot, 'data'));
    assert.deepEqual(datasets.map((d) => d.name).filter((n) => n.startsWith('seed-')), ['seed-pair', 'seed-sweep']);
    const sweep = datasets.find((d) => d.name === 'seed-sweep');
    assert.deepEqual(sweep?.inputs, [{ path: path.join(repoRoot, 'data/seed-sweep/results.txt') }]);
    assert.deepEqual(sweep?.labels, { wasm: 'WASM', 'vanilla docker': 'Docker' });
    assert.equal(sweep?.baseline, 'vanilla docker');
  });

  it('names the file and the field of a bad dataset.json', () => {
    expectInputError(datasetFile('{"title": '), null, /not valid JSON/);
    expectInputError(datasetFile({ inputs: [{ path: 'a.json' }] }), 'title', /expected a title/);
    expectInputError(datasetFile({ title: 'T', inputs: [] }), 'inputs', /at least one input/);
    expectInputError(datasetFile({ title: 'T', inputs: [{ path: 3 }] }), 'inputs[0].path', /expected a path/);
    expectInputError(datasetFile({ title: 'T', inputs: [{ path: '/abs.json' }] }), 'inputs[0].path', /not an absolute path/);
    expectInputError(datasetFile({ title: 'T', template: 'table', inputs: [{ path: 'a' }] }), 'template', /pair, sweep, warm/);
    expectInputError(datasetFile({ title: 'T', labels: { wasm: 1 }, inputs: [{ path: 'a' }] }), 'labels.wasm', /display name/);
    expectInputError(datasetFile({ title: 'T', input: [{ path: 'a' }] }), 'inputs', /expected an array of inputs/);
    expectInputError(datasetFile({ title: 'T', inputs: [{ path: 'a' }], colour: 1 }), null, /unknown field "colour"/);
  });

  it('takes datasets from every provider, and rejects a name used twice', () => {
    const extra: DatasetProvider = () => [{ name: 'runs-x', title: 'X', inputs: [{ path: 'x.ndjson' }], origin: 'data/runs/x.ndjson' }];
    const data = path.join(mkdtempSync(path.join(os.tmpdir(), 'owbench-data-')), 'data');
    mkdirSync(path.join(data, 'runs-x'), { recursive: true });
    writeFileSync(path.join(data, 'runs-x', 'dataset.json'), JSON.stringify({ title: 'Y', inputs: [{ path: 'y.json' }] }));
    assert.deepEqual(listDatasets(data, [extra]).map((d) => d.name), ['runs-x']);
    assert.throws(() => listDatasets(data, [folderDatasets, extra]), /dataset name "runs-x" is also used by/);
  });
});
