// Each notebook as a person meets it: opened in a real Jupyter server (Debian's classic notebook,
// which renders no Vega-Lite, so each chart shows as its PNG fallback), every cell run through the
// UI in Debian's Chromium, outputs checked in the page; then the UI's executed notebook exported by
// nbconvert (as `npm run notebooks` publishes it) and the HTML checked for charts and broken images.
// The UI never saves: the committed notebooks must stay byte for byte as they were.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { publishNotebook } from '../../notebooks/tools/publish.js';
import { repoRoot } from '../helpers/cli.js';
import { startJupyter, type JupyterServer } from './jupyter-server.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** The charts each notebook draws (the report's are inside its document). */
const CHARTS: Record<string, number> = { explore: 3, experiment: 1, report: 0 };

interface PageReport {
  codeCells: number;
  prompts: Array<number | string | null>;
  errors: number;
  stderr: string[];
  tables: number;
  images: Array<{ width: number; where: string }>;
}

/** What the page shows: the cells' prompts, error and stderr outputs, tables, and every image's natural width. */
function inspectPage(): PageReport {
  const notebook = (window as unknown as { Jupyter: { notebook: { get_cells(): Array<{ cell_type: string; input_prompt_number: number | string | null }> } } }).Jupyter.notebook;
  const code = notebook.get_cells().filter((cell) => cell.cell_type === 'code');
  return {
    codeCells: code.length,
    prompts: code.map((cell) => cell.input_prompt_number),
    errors: document.querySelectorAll('.output_error').length,
    stderr: [...document.querySelectorAll('.output_stderr')].map((node) => node.textContent ?? ''),
    tables: document.querySelectorAll('.output_area table').length,
    images: [...document.querySelectorAll<HTMLImageElement>('.output_area img')].map((img) => ({ width: img.naturalWidth, where: img.closest('.output_png') ? 'png' : 'markdown' })),
  };
}

async function runThroughUi(page: Page, server: JupyterServer, name: string): Promise<{ report: PageReport; executed: unknown }> {
  await page.goto(`${server.url}/notebooks/notebooks/${name}.ipynb?token=${server.token}`);
  await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).Jupyter.notebook.set_autosave_interval(0));
  await page.click('#celllink');
  await page.click('#run_all_cells > a');
  // Done: no cell waiting or running ("*") and the kernel idle.
  await page.waitForFunction(
    () => {
      const cells = (window as any).Jupyter.notebook.get_cells() as Array<{ input_prompt_number: unknown }>;
      return cells.every((cell) => cell.input_prompt_number !== '*') && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
    },
    null,
    { timeout: 150_000, polling: 500 },
  );
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return { report: await page.evaluate(inspectPage), executed: await page.evaluate(() => (window as any).Jupyter.notebook.toJSON()) };
}

describe('notebooks in a browser: Jupyter, and the exported HTML', function () {
  this.timeout(240_000);
  let server: JupyterServer;
  let context: BrowserContext;
  let dir: string;
  const committed = new Map<string, Buffer>();
  const results: Record<string, { report: PageReport; executed: unknown }> = {};

  before(async function () {
    if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/jupyter-notebook')) this.skip(); // make deps installs both
    writeKernelSpec();
    for (const name of Object.keys(CHARTS)) committed.set(name, readFileSync(path.join(repoRoot, 'notebooks', `${name}.ipynb`)));
    dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-browser-'));
    server = await startJupyter(path.join(dir, 'checkpoints'));
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true });
    // The notebooks are independent (one kernel each): run them side by side, one tab each.
    await Promise.all(Object.keys(CHARTS).map(async (name) => (results[name] = await runThroughUi(await context.newPage(), server, name))));
  });

  after(async () => {
    await context?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of Object.keys(CHARTS)) {
    it(`${name}.ipynb: every cell ran through the UI, no error output, tables and charts rendered`, () => {
      const { report } = results[name]!;
      assert.ok(report.prompts.every((prompt) => typeof prompt === 'number'), `prompts ${JSON.stringify(report.prompts)}`);
      assert.equal(report.errors, 0);
      assert.deepEqual(report.stderr, []);
      assert.ok(report.tables >= 1, 'tables shown as tables');
      assert.equal(report.images.filter((image) => image.where === 'png').length, CHARTS[name], 'each chart once, as its PNG');
      if (name === 'report') assert.ok(report.images.filter((image) => image.where === 'markdown').length >= 3, 'the document with its figures');
      for (const image of report.images) assert.ok(image.width > 0, `a broken ${image.where} image`);
    });
  }

  it('running in the UI saved nothing: the committed notebooks are unchanged, no checkpoints', () => {
    for (const [name, bytes] of committed) assert.ok(readFileSync(path.join(repoRoot, 'notebooks', `${name}.ipynb`)).equals(bytes), `${name}.ipynb changed`);
    assert.ok(!existsSync(path.join(repoRoot, 'notebooks', '.ipynb_checkpoints')));
  });

  it('the exported HTML shows every chart and has no broken image', async () => {
    const page = await context.newPage();
    for (const name of Object.keys(CHARTS)) {
      const executed = path.join(dir, `${name}.ipynb`);
      writeFileSync(executed, JSON.stringify(results[name]!.executed));
      const [html, markdown] = publishNotebook(executed, path.join(dir, 'docs'));
      await page.goto(pathToFileURL(html!).href, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => [...document.images].every((img) => img.complete));
      const images = await page.evaluate(() => [...document.images].map((img) => ({ width: img.naturalWidth, src: img.src.slice(0, 40) })));
      assert.ok(images.length >= Math.max(CHARTS[name]!, 1), `${name}.html: ${images.length} images`);
      for (const image of images) assert.ok(image.width > 0, `${name}.html: a broken image ${image.src}`);
      const stderr = await page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count();
      assert.equal(stderr, 0, `${name}.html: no stderr output`);
      // The Markdown export links its PNG figures beside it.
      const links = [...readFileSync(markdown!, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1]!);
      assert.equal(links.length, CHARTS[name]);
      for (const link of links) assert.ok(readFileSync(path.join(path.dirname(markdown!), decodeURI(link))).subarray(1, 4).toString() === 'PNG', link);
    }
  });
});
