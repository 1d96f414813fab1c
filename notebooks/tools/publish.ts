// Publishing an executed notebook: Debian's nbconvert writes it to docs/notebooks/ as HTML (every
// chart as its PNG fallback: nbconvert knows no Vega-Lite) and as Markdown with its figures in
// NAME_files/, so a reader on GitHub sees the outputs without running anything. docs/ is
// byte-for-byte reproducible: a notebook whose outputs are measurements (metadata
// owbench.publish = "without-outputs", e.g. a run's timings) is published with its code and a note instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kernelEnvironment, projectRoot, PYTHON } from './kernel.js';
import { stripNotebook } from './strip.js';

export const docsDir = path.join(projectRoot, 'docs', 'notebooks');

type Notebook = Parameters<typeof stripNotebook>[0] & { metadata: { owbench?: { publish?: string } } };

/** The note a notebook published without its outputs carries, after its introduction. */
export function withoutOutputsNote(name: string): string {
  return `> **Outputs left out.** This notebook measures: its outputs (timings, tables, charts) differ on every run, so the published copy shows its code only. Run it with \`npm run notebooks ${name}\` (its outputs go to \`build/notebooks/${name}.ipynb\`) or open it in Jupyter.`;
}

/** The notebook as published: as executed, or without outputs when they are measurements. */
export function publishable(notebook: Notebook, name: string): Notebook {
  if (notebook.metadata.owbench?.publish !== 'without-outputs') return notebook;
  const stripped = stripNotebook(notebook);
  const note = { cell_type: 'markdown', id: 'published-without-outputs', metadata: {}, source: withoutOutputsNote(name) };
  return { ...stripped, cells: [stripped.cells[0]!, note, ...stripped.cells.slice(1)] };
}

/** Writes docs/notebooks/NAME.html and NAME.md (+ NAME_files/, replaced); returns their paths. */
export function publishNotebook(executed: string, outDir = docsDir): string[] {
  mkdirSync(outDir, { recursive: true });
  const name = path.basename(executed, '.ipynb');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'owbench-publish-'));
  try {
    const source = path.join(scratch, `${name}.ipynb`);
    writeFileSync(source, JSON.stringify(publishable(JSON.parse(readFileSync(executed, 'utf8')) as Notebook, name)));
    return exportNotebook(source, outDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `jupyter nbconvert --to html` and `--to markdown` of one notebook into outDir (NAME_files/ replaced). */
export function exportNotebook(notebook: string, outDir: string): string[] {
  const name = path.basename(notebook, '.ipynb');
  rmSync(path.join(outDir, `${name}_files`), { recursive: true, force: true }); // figures of an earlier run
  return ['html', 'markdown'].map((format) => {
    const result = spawnSync(PYTHON, ['-m', 'nbconvert', '--to', format, '--output-dir', outDir, '--output', name, notebook], { encoding: 'utf8', env: kernelEnvironment() });
    if (result.status !== 0) throw new Error(`nbconvert --to ${format} ${path.relative(projectRoot, notebook)} failed:\n${result.stderr.trim()}`);
    return path.join(outDir, `${name}.${format === 'html' ? 'html' : 'md'}`);
  });
}
