// Each notebook as a person meets it: opened in a real Jupyter server (Debian's classic notebook,
// which renders no Vega-Lite, so each chart shows as its PNG fallback, once), every cell run
// through the UI in Debian's Chromium, outputs checked in the page, and a failing call shown as an
// error output; each chart's Vega-Lite spec drawn live with the project's vega (what JupyterLab
// and VS Code do) and hovered for a tooltip; then the UI's executed notebook exported by nbconvert,
// and the published docs/notebooks/, checked for charts and broken images.
// The UI never saves: the committed notebooks must stay byte for byte as they were.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { exportNotebook } from '../../notebooks/tools/publish.js';
import { VEGALITE_MIME } from '../../src/notebook/charts.js';
import { unknownStudy } from '../../src/notebook/messages.js';
import { repoRoot } from '../helpers/cli.js';
import { hoverLiveChart, runCell, runThroughUi, type PageReport } from './browser-page.js';
import { startJupyter, type JupyterServer } from './jupyter-server.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The charts each notebook draws (the report's are inside its document). */
const CHARTS: Record<string, number> = { explore: 3, experiment: 1, report: 0 };

type ExecutedNotebook = { cells: Array<{ outputs?: Array<{ data?: Record<string, unknown> }> }> };

/** An HTML page's images (natural widths) and, per output showing a PNG, how many images, SVGs and canvases it shows. */
async function htmlImages(page: Page, file: string): Promise<{ widths: number[]; chartOutputs: number[] }> {
  await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return page.evaluate(() => ({
    widths: [...document.images].map((img) => img.naturalWidth),
    chartOutputs: [...document.querySelectorAll('.jp-OutputArea-output')].filter((output) => output.querySelector('img[src^="data:image/png"]')).map((output) => output.querySelectorAll('img, svg, canvas').length),
  }));
}

describe('notebooks in a browser: Jupyter, live charts, and the exported HTML', function () {
  this.timeout(240_000);
  let server: JupyterServer;
  let context: BrowserContext;
  let dir: string;
  const committed = new Map<string, Buffer>();
  const results: Record<string, { report: PageReport; executed: unknown }> = {};
  let failing: Awaited<ReturnType<typeof runCell>>;

  before(async function () {
    if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/jupyter-notebook')) this.skip(); // make deps installs both
    writeKernelSpec();
    for (const name of Object.keys(CHARTS)) committed.set(name, readFileSync(path.join(repoRoot, 'notebooks', `${name}.ipynb`)));
    dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-browser-'));
    server = await startJupyter(path.join(dir, 'checkpoints'));
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
    // The notebooks are independent (one kernel each): run them side by side, one tab each.
    await Promise.all(
      Object.keys(CHARTS).map(async (name) => {
        const page = await context.newPage();
        results[name] = await runThroughUi(page, server, name);
        // A mistake typed into a new cell after the run (its outputs are read before this cell exists).
        if (name === 'explore') failing = await runCell(page, "load('missing.json')");
      }),
    );
  });

  after(async () => {
    await context?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of Object.keys(CHARTS)) {
    it(`${name}.ipynb: every cell ran through the UI, no error output, tables shown, each chart once as its PNG`, () => {
      const { report } = results[name]!;
      assert.ok(report.prompts.every((prompt) => typeof prompt === 'number'), `prompts ${JSON.stringify(report.prompts)}`);
      assert.equal(report.errors, 0);
      assert.deepEqual(report.stderr, []);
      assert.ok(report.tables >= 1, 'tables shown as tables');
      assert.deepEqual(report.chartOutputs, Array(CHARTS[name]).fill(1), 'one image per chart output, no second rendering');
      if (name === 'report') assert.ok(report.images.filter((image) => image.where === 'markdown').length >= 3, 'the document with its figures');
      for (const image of report.images) assert.ok(image.width > 0, `a broken ${image.where} image`);
    });
  }

  it('a failing call typed into a cell shows as an error output with its message, nothing on stderr', () => {
    const message = unknownStudy('missing.json', ['seed-pair', 'seed-sweep', 'demo']);
    assert.deepEqual(failing.outputs, [{ output_type: 'error', ename: 'owbench', evalue: message, traceback: [`owbench: ${message}`] }]);
    assert.equal(failing.errorText.trim(), `owbench: ${message}`);
    assert.equal(failing.stderr, 0);
  });

  it("each chart's Vega-Lite spec draws live with vega and answers a hover with a tooltip", async () => {
    const page = await context.newPage();
    for (const name of ['explore', 'experiment']) {
      const specs = (results[name]!.executed as ExecutedNotebook).cells.flatMap((cell) => cell.outputs ?? []).map((output) => output.data?.[VEGALITE_MIME]).filter((spec) => spec !== undefined);
      assert.equal(specs.length, CHARTS[name]);
      for (const spec of specs) {
        const { marks, tooltip } = await hoverLiveChart(page, spec);
        assert.ok(marks > 0, `${name}: the live chart drew its marks`);
        assert.equal(typeof tooltip, 'object', `${name}: hovering a mark gave its values`);
      }
    }
  });

  it('running in the UI saved nothing: the committed notebooks are unchanged, no checkpoints', () => {
    for (const [name, bytes] of committed) assert.ok(readFileSync(path.join(repoRoot, 'notebooks', `${name}.ipynb`)).equals(bytes), `${name}.ipynb changed`);
    assert.ok(!existsSync(path.join(repoRoot, 'notebooks', '.ipynb_checkpoints')));
  });

  it('nbconvert --to html of the UI-executed notebooks shows every chart once and has no broken image', async () => {
    const page = await context.newPage();
    for (const name of Object.keys(CHARTS)) {
      const executed = path.join(dir, `${name}.ipynb`);
      writeFileSync(executed, JSON.stringify(results[name]!.executed));
      const [html, markdown] = exportNotebook(executed, path.join(dir, 'export'));
      const { widths, chartOutputs } = await htmlImages(page, html!);
      assert.deepEqual(chartOutputs, Array(CHARTS[name]).fill(1), `${name}.html: one image per chart output`);
      assert.ok(widths.length >= Math.max(CHARTS[name]!, 1), `${name}.html: ${widths.length} images`);
      assert.ok(widths.every((width) => width > 0), `${name}.html: a broken image`);
      assert.equal(await page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count(), 0, `${name}.html: no stderr output`);
      // The Markdown export links its PNG figures beside it.
      const links = [...readFileSync(markdown!, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1]!);
      assert.equal(links.length, CHARTS[name]);
      for (const link of links) assert.ok(readFileSync(path.join(path.dirname(markdown!), decodeURI(link))).subarray(1, 4).toString() === 'PNG', link);
    }
  });

  it('the published docs/notebooks/ pages show their charts and documents, no broken image', async () => {
    const page = await context.newPage();
    const expected: Record<string, { charts: number; images: number }> = { explore: { charts: 3, images: 3 }, report: { charts: 0, images: 3 }, experiment: { charts: 0, images: 0 } };
    for (const [name, { charts, images }] of Object.entries(expected)) {
      const { widths, chartOutputs } = await htmlImages(page, path.join(repoRoot, 'docs', 'notebooks', `${name}.html`));
      assert.deepEqual(chartOutputs, Array(charts).fill(1), `docs/notebooks/${name}.html: one image per chart`);
      assert.ok(widths.length >= images && widths.every((width) => width > 0), `docs/notebooks/${name}.html: images ${JSON.stringify(widths)}`);
    }
  });
});
