// What the browser test does in a page: runs a notebook through the classic notebook's UI, reads
// what it shows, runs one more cell, and draws a chart's Vega-Lite spec live with the project's vega.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../helpers/cli.js';
import type { JupyterServer } from './jupyter-server.js';

export interface PageReport {
  codeCells: number;
  prompts: Array<number | string | null>;
  errors: number;
  stderr: string[];
  tables: number;
  /** Per output showing a PNG (a chart): how many images, SVGs and canvases it shows. */
  chartOutputs: number[];
  images: Array<{ width: number; where: string }>;
}

/** Runs in the page: the cells' prompts, error and stderr outputs, tables, charts and every image's natural width. */
function inspectPage(): PageReport {
  const notebook = (window as unknown as { Jupyter: { notebook: { get_cells(): Array<{ cell_type: string; input_prompt_number: number | string | null }> } } }).Jupyter.notebook;
  const code = notebook.get_cells().filter((cell) => cell.cell_type === 'code');
  return {
    codeCells: code.length,
    prompts: code.map((cell) => cell.input_prompt_number),
    errors: document.querySelectorAll('.output_error').length,
    stderr: [...document.querySelectorAll('.output_stderr')].map((node) => node.textContent ?? ''),
    tables: document.querySelectorAll('.output_area table').length,
    chartOutputs: [...document.querySelectorAll('.output_area')].filter((area) => area.querySelector('.output_png')).map((area) => area.querySelectorAll('img, svg, canvas').length),
    images: [...document.querySelectorAll<HTMLImageElement>('.output_area img')].map((img) => ({ width: img.naturalWidth, where: img.closest('.output_png') ? 'png' : 'markdown' })),
  };
}

export async function runThroughUi(page: Page, server: JupyterServer, name: string): Promise<{ report: PageReport; executed: unknown }> {
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

/** One more cell, typed and run in the page (never saved): its outputs as Jupyter keeps them, and the text it shows. */
export async function runCell(page: Page, source: string): Promise<{ outputs: Array<Record<string, unknown>>; errorText: string; stderr: number }> {
  await page.evaluate((text) => {
    const cell = (window as any).Jupyter.notebook.insert_cell_at_bottom('code');
    cell.set_text(text);
    cell.execute();
  }, source);
  await page.waitForFunction(() => {
    const cells = (window as any).Jupyter.notebook.get_cells();
    return typeof cells[cells.length - 1].input_prompt_number === 'number';
  }, null, { timeout: 60_000 });
  return page.evaluate(() => {
    const cells = (window as any).Jupyter.notebook.get_cells();
    const cell = cells[cells.length - 1];
    const element = cell.element[0] as HTMLElement;
    return { outputs: cell.output_area.outputs, errorText: element.querySelector('.output_error')?.textContent ?? '', stderr: element.querySelectorAll('.output_stderr').length };
  });
}

/**
 * A Vega-Lite spec drawn live, as JupyterLab's and VS Code's renderers draw it (vega-embed:
 * vega-lite's compile, then a vega View): the project's vega and vega-lite builds in a blank page.
 * Hovers the marks until one gives a tooltip; returns the marks drawn and the tooltip's value.
 */
export async function hoverLiveChart(page: Page, spec: unknown): Promise<{ marks: number; tooltip: unknown }> {
  await page.setContent('<!doctype html><div id="chart"></div>');
  await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'vega', 'build', 'vega.min.js') });
  await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'vega-lite', 'build', 'vega-lite.min.js') });
  await page.evaluate(async (vl) => {
    const w = window as any;
    w.tooltips = [];
    const view = new w.vega.View(w.vega.parse(w.vegaLite.compile(vl).spec), { renderer: 'svg', container: '#chart', hover: true });
    view.tooltip((_handler: unknown, _event: unknown, _item: unknown, value: unknown) => value !== undefined && value !== null && w.tooltips.push(value));
    w.view = view;
    await view.runAsync();
  }, spec);
  // vega answers the pointer event on its own turn: wait a little for it rather than read at once. On a
  // busy machine that turn can come late, and a later layout pass can move or redraw the marks, so a
  // second pass runs the view again, lets two frames go by, finds the marks anew and waits longer.
  // Leaving the chart before each point makes every move a new hover, not a move within the same mark.
  let count = 0;
  for (const timeout of [250, 2000]) {
    if (timeout > 250) await page.evaluate(async () => { await (window as any).view.runAsync(); });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const points = await markPoints(page);
    count = Math.max(count, points.length);
    for (const point of points) {
      await page.mouse.move(0, 0);
      await page.mouse.move(point.x, point.y, { steps: 2 });
      const answered = await page.waitForFunction(() => (window as any).tooltips.length > 0, undefined, { timeout }).then(() => true, () => false);
      if (answered) return { marks: count, tooltip: await page.evaluate(() => (window as any).tooltips[0]) };
    }
  }
  return { marks: count, tooltip: undefined };
}

/** A point on each drawn mark (not the legend's): the middle of a line's stroke, the centre of a dot or bar. */
function markPoints(page: Page): Promise<Array<{ x: number; y: number }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('#chart g.role-mark > path')].slice(0, 40).map((mark) => {
      const line = mark.closest('g.mark-line, g.mark-trail') !== null;
      const box = mark.getBBox();
      const local = line ? mark.getPointAtLength(mark.getTotalLength() / 2) : { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const screen = new DOMPoint(local.x, local.y).matrixTransform(mark.getScreenCTM()!);
      return { x: screen.x, y: screen.y };
    }),
  );
}
