// Every notebook runs headless from a clean kernel with no error and no skipped cell, as
// `npm run notebooks` runs it, and its saved outputs hold what the notebook is for: tables and SVG
// charts (Vega-Lite with a PNG fallback), and the document for report.ipynb. Uses dist/ (npm test builds it first).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executeNotebook, type NotebookRun } from '../../notebooks/tools/execute.js';
import { ensureNbclient, writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { publishNotebook } from '../../notebooks/tools/publish.js';
import { repoRoot } from '../helpers/cli.js';
import { VEGALITE_MIME } from '../../src/notebook/charts.js';

type Output = { output_type: string; data?: Record<string, string | string[]>; text?: string | string[] };

function outputsOf(run: NotebookRun): Output[] {
  const saved = JSON.parse(readFileSync(run.output, 'utf8')) as { cells: Array<{ outputs?: Output[] }> };
  return saved.cells.flatMap((cell) => cell.outputs ?? []);
}

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join('') : (value ?? ''));
const shown = (run: NotebookRun, mime: string) => outputsOf(run).map((output) => (typeof output.data?.[mime] === 'object' && !Array.isArray(output.data?.[mime]) ? '' : joined(output.data?.[mime]))).filter((text) => text !== '');

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

  it('explore.ipynb labels its one study, shows the tables and each chart as Vega-Lite plus a PNG', () => {
    const tables = shown(runs.explore!, 'text/html');
    assert.ok(tables.some((html) => html.includes('<td>data/runs/demo.ndjson</td><td>embedded OpenWhisk (owbench)</td>')), 'the source and its system');
    assert.ok(tables.some((html) => html.includes('<th>activation_id</th>')), 'the activations as a table');
    assert.ok(tables.some((html) => html.includes('<th>init_ms_mean</th>')), 'a danfo DataFrame as a cell value shows as a table');
    assert.ok(tables.some((html) => html.includes('<th>p95_total</th>') && html.includes('<th>ratio</th>')), 'the group figures and speedups');
    const mixed = tables.find((html) => html.includes('different systems')) ?? '';
    assert.match(mixed, /no speedups/, 'two systems: no speedup between them, and a warning');
    const charts = chartsOf(runs.explore!);
    assert.equal(charts.length, 3);
    assert.equal(shown(runs.explore!, 'image/svg+xml').length, 0, 'no inline SVG (nbconvert strips it)');
  });

  it('report.ipynb shows the document once, its figures inlined', () => {
    const markdown = shown(runs.report!, 'text/markdown');
    assert.equal(markdown.length, 1);
    assert.match(markdown[0]!, /^# .*WASM vs Docker/);
    assert.match(markdown[0]!, /!\[[^\]]*\]\(data:image\/svg\+xml;base64,/);
    assert.equal(shown(runs.report!, 'image/svg+xml').length + shown(runs.report!, 'image/png').length, 0, 'the charts appear once, in the document');
  });

  it('experiment.ipynb ran every planned trial on the embedded OpenWhisk and analysed them', () => {
    const text = shown(runs.experiment!, 'text/plain').join('\n');
    const logged = /(\d+)\/(\d+) trials logged, (\d+) with their activation record/.exec(text);
    assert.ok(logged, text);
    assert.equal(logged[1], logged[2], 'every planned trial logged');
    assert.equal(logged[3], logged[2], 'every trial has its activation record');
    assert.match(text, /started the embedded OpenWhisk at http:\/\/127\.0\.0\.1:\d+/);
    const tables = shown(runs.experiment!, 'text/html');
    assert.ok(tables.some((html) => /<td>blackbox<\/td>/.test(html)) && tables.some((html) => /<td>wasm:0\.1<\/td>/.test(html)));
    assert.equal(chartsOf(runs.experiment!).length, 1);
    assert.match(shown(runs.experiment!, 'text/markdown')[0] ?? '', /How the run went/);
  });
});

describe('npm run notebooks: publishing', () => {
  const executed = (name: string) => path.join(repoRoot, 'build', 'notebooks', `${name}.ipynb`);

  it('writes each executed notebook as HTML (charts as PNG images) and Markdown with its figure files', function () {
    this.timeout(60_000);
    if (!existsSync(executed('explore'))) this.skip(); // the suite above writes it
    const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-publish-'));
    try {
      const [html, markdown] = publishNotebook(executed('explore'), dir);
      const page = readFileSync(html!, 'utf8');
      assert.equal(page.match(/<img /g)?.length, 3, 'the three charts, once each');
      assert.equal(page.match(/<img src="data:image\/png;base64,/g)?.length, 3, 'as PNGs');
      assert.ok(!page.includes('<svg'), 'no second copy as SVG');
      assert.ok(page.includes('embedded OpenWhisk (owbench)'));
      const figures = [...readFileSync(markdown!, 'utf8').matchAll(/!\[[^\]]*\]\((explore_files\/[^)]+\.png)\)/g)].map((match) => match[1]!);
      assert.equal(figures.length, 3);
      for (const figure of figures) assert.ok(readFileSync(path.join(dir, figure)).length > 2000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a notebook whose outputs are measurements (experiment) is published with its code and a note, no outputs', function () {
    this.timeout(60_000);
    if (!existsSync(executed('experiment'))) this.skip();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-publish-'));
    try {
      const [html, markdown] = publishNotebook(executed('experiment'), dir);
      const page = readFileSync(html!, 'utf8');
      assert.ok(page.includes('Outputs left out.'));
      assert.equal(page.match(/<img /g), null, 'no outputs');
      const text = readFileSync(markdown!, 'utf8');
      assert.ok(text.includes("const demo = await run('demo'"), 'the code is there');
      assert.ok(!text.includes('trials logged'));
      assert.ok(!existsSync(path.join(dir, 'experiment_files')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the committed docs/notebooks/ are what this independent run publishes, byte for byte (run twice, no diff)', function () {
    this.timeout(90_000);
    if (!['explore', 'report', 'experiment'].every((name) => existsSync(executed(name)))) this.skip();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-publish-'));
    try {
      for (const name of ['explore', 'report', 'experiment']) publishNotebook(executed(name), dir);
      const committed = path.join(repoRoot, 'docs', 'notebooks');
      const files = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((file) => statSync(path.join(root, file)).isFile()).sort();
      assert.deepEqual(files(dir), files(committed));
      for (const file of files(dir)) {
        assert.ok(readFileSync(path.join(dir, file)).equals(readFileSync(path.join(committed, file))), `docs/notebooks/${file} differs: run npm run notebooks`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every chart output: a Vega-Lite spec with data, and a PNG fallback that decodes. */
function chartsOf(run: NotebookRun): Output[] {
  const charts = outputsOf(run).filter((output) => output.data?.[VEGALITE_MIME] !== undefined);
  for (const chart of charts) {
    const spec = chart.data![VEGALITE_MIME] as unknown as { $schema: string; data?: unknown };
    assert.match(spec.$schema, /vega-lite\/v5\.json$/);
    const png = Buffer.from(joined(chart.data!['image/png']), 'base64');
    assert.ok(png.length > 2000 && png.subarray(1, 4).toString() === 'PNG', 'a PNG fallback');
  }
  return charts;
}
