// Where a notebook's names point: every path a notebook gives is relative to the project root
// (as for the CLI run there), wherever the kernel started (Jupyter starts it in notebooks/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: this file is src/notebook/paths.ts or dist/notebook/paths.js. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const dataDir = path.join(projectRoot, 'data');

/** build/notebooks: what running a notebook writes (git-ignored), so runs leave the repository unchanged. */
export const workDir = path.join(projectRoot, 'build', 'notebooks');

export function fromRoot(file: string): string {
  return path.resolve(projectRoot, file);
}

/** A path as a reader of the project sees it: relative to the root when inside it. */
export function shown(file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
