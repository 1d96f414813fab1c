// Publishing an executed notebook: Debian's nbconvert writes it to docs/notebooks/ as HTML (every
// chart as its PNG fallback: nbconvert knows no Vega-Lite) and as Markdown with its figures in
// NAME_files/, so a reader on GitHub sees the outputs without running anything.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { kernelEnvironment, projectRoot, PYTHON } from './kernel.js';

export const docsDir = path.join(projectRoot, 'docs', 'notebooks');

/** Writes docs/notebooks/NAME.html and NAME.md (+ NAME_files/); returns their paths. */
export function publishNotebook(executed: string, outDir = docsDir): string[] {
  mkdirSync(outDir, { recursive: true });
  const name = path.basename(executed, '.ipynb');
  return ['html', 'markdown'].map((format) => {
    const result = spawnSync(PYTHON, ['-m', 'nbconvert', '--to', format, '--output-dir', outDir, '--output', name, executed], {
      encoding: 'utf8',
      env: kernelEnvironment(),
    });
    if (result.status !== 0) throw new Error(`nbconvert --to ${format} ${path.relative(projectRoot, executed)} failed:\n${result.stderr.trim()}`);
    return path.join(outDir, `${name}.${format === 'html' ? 'html' : 'md'}`);
  });
}
