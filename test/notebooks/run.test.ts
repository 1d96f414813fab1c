// Every notebook runs headless from a clean kernel with no error and no skipped cell, as
// `npm run notebooks` runs it, and its saved outputs hold what the notebook is for: tables and SVG
// charts (and the document, for report.ipynb). Uses dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { executeNotebook, type NotebookRun } from '../../notebooks/tools/execute.js';
import { ensureNbclient, writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { repoRoot } from '../helpers/cli.js';

type Output = { output_type: string; data?: Record<string, string | string[]>; text?: string | string[] };

function outputsOf(run: NotebookRun): Output[] {
  const saved = JSON.parse(readFileSync(run.output, 'utf8')) as { cells: Array<{ outputs?: Output[] }> };
  return saved.cells.flatMap((cell) => cell.outputs ?? []);
}

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('') : (value ?? ''));
const shown = (run: NotebookRun, mime: string) => outputsOf(run).map((output) => joined(output.data?.[mime])).filter((text) => text !== '');

describe('npm run notebooks: every notebook, headless', function () {
  this.timeout(300_000);
  const runs: Record<string, NotebookRun> = {};

  before(async () => {
    ensureNbclient();
    writeKernelSpec();
    await Promise.all(
      ['explore', 'report', 'experiment'].map(async (name) => {
        const source = path.join(repoRoot, 'notebooks', `${name}.ipynb`);
        runs[name] = await executeNotebook(source, path.join(repoRoot, 'build', 'notebooks', `${name}.ipynb`), { env: { OWBENCH_PARAMS: '' } });
      }),
    );
  });

  for (const name of ['explore', 'report', 'experiment']) {
    it(`${name}.ipynb: every code cell ran and answered ok`, () => {
      assert.deepEqual(runs[name]!.failures, []);
      assert.ok(runs[name]!.cells.length >= 5);
      assert.ok(runs[name]!.cells.every((cell) => cell.status === 'ok'));
    });
  }

  it('explore.ipynb shows the table, the group figures and SVG charts', () => {
    const tables = shown(runs.explore!, 'text/html');
    assert.ok(tables.some((html) => html.includes('<th>activation_id</th>')), 'the DataFrame as a table');
    assert.ok(tables.some((html) => html.includes('<th>p95_total</th>')), 'the group figures');
    assert.ok(tables.some((html) => html.includes('<th>ratio</th>')), 'the speedups');
    const charts = shown(runs.explore!, 'image/svg+xml');
    assert.ok(charts.length >= 3 && charts.every((svg) => svg.startsWith('<svg')), `${charts.length} SVG charts`);
  });

  it('report.ipynb shows the document and its SVG figures', () => {
    assert.match(shown(runs.report!, 'text/markdown')[0] ?? '', /^# .*WASM vs Docker/);
    assert.ok(shown(runs.report!, 'image/svg+xml').length >= 1);
  });

  it('experiment.ipynb ran every planned trial on the embedded OpenWhisk and analysed them', () => {
    const text = outputsOf(runs.experiment!).map((output) => joined(output.text)).join('');
    const logged = /(\d+)\/(\d+) trials logged, (\d+) with their activation record/.exec(text);
    assert.ok(logged, text);
    assert.equal(logged[1], logged[2], 'every planned trial logged');
    assert.equal(logged[3], logged[2], 'every trial has its activation record');
    assert.match(text, /started the embedded OpenWhisk at http:\/\/127\.0\.0\.1:\d+/);
    const tables = shown(runs.experiment!, 'text/html');
    assert.ok(tables.some((html) => /<td>blackbox<\/td>/.test(html)) && tables.some((html) => /<td>wasm:0\.1<\/td>/.test(html)));
    assert.ok(shown(runs.experiment!, 'image/svg+xml').length >= 1);
    assert.match(shown(runs.experiment!, 'text/markdown')[0] ?? '', /How the run went/);
  });
});
