// The strip step: notebooks are committed without outputs, execution counts or a front end's
// per-user metadata, so that saving one in Jupyter or VS Code leaves a clean diff.
// `npm run notebooks:strip` strips notebooks/*.ipynb in place.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from './kernel.js';

interface NotebookJson {
  cells: Array<Record<string, unknown> & { cell_type: string; metadata?: Record<string, unknown> }>;
  metadata: Record<string, unknown>;
}

/** Cell metadata a front end adds while running (timings, scroll state); tags and the rest stay. */
const VOLATILE = ['execution', 'collapsed', 'scrolled', 'jupyter', 'vscode', 'ExecuteTime'];

export function stripNotebook(notebook: NotebookJson): NotebookJson {
  const cells = notebook.cells.map((cell) => {
    const metadata = Object.fromEntries(Object.entries(cell.metadata ?? {}).filter(([key]) => !VOLATILE.includes(key)));
    return cell.cell_type === 'code' ? { ...cell, metadata, outputs: [], execution_count: null } : { ...cell, metadata };
  });
  const { widgets: _widgets, vscode: _vscode, ...metadata } = notebook.metadata;
  return { ...notebook, cells, metadata };
}

/** Strips one file in place (atomically); true when it changed. */
export function stripFile(file: string): boolean {
  const before = readFileSync(file, 'utf8');
  const after = `${JSON.stringify(stripNotebook(JSON.parse(before) as NotebookJson), null, 1)}\n`;
  if (after === before) return false;
  writeFileSync(`${file}.tmp-${process.pid}`, after);
  renameSync(`${file}.tmp-${process.pid}`, file);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = path.join(projectRoot, 'notebooks');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ipynb')).sort()) {
    process.stdout.write(`${stripFile(path.join(folder, file)) ? 'stripped' : 'clean   '} notebooks/${file}\n`);
  }
}
