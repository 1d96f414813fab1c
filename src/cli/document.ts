// Writing one document with its figures (`report --out`, `docs`): every file is rendered in
// memory first, so bad input writes nothing; then each is written atomically, the figures before
// the Markdown that links them, and figure files an earlier render left behind are removed.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { figureFiles, type AssetFile } from '../charts/index.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic, type ReportModel } from '../report/index.js';
import * as msg from './messages.js';

export interface DocumentOutput {
  files: AssetFile[];
  stale: string[];
}

/** `model` and `markdown` as composeDocument made them for `out` (with figures, or without). */
export async function renderDocumentOutput(model: ReportModel, markdown: string, out: string): Promise<DocumentOutput> {
  const { files, stale } = model.figures.length > 0 ? await figureFiles(model, out) : { files: [], stale: [] };
  return { files: [...files, { file: out, content: markdown }], stale };
}

/**
 * An output path must name a file: not a directory (nor "docs/", which would become one), and
 * its folders, where they exist, must be folders. Checked before anything is rendered or written.
 */
export function checkOutputFile(flag: string, file: string): void {
  if (/[\\/]$/.test(file) || kindOf(file) === 'directory') throw new UsageError(msg.outIsDirectory(flag, file));
  for (let parent = path.dirname(path.resolve(file)); ; parent = path.dirname(parent)) {
    const kind = kindOf(parent);
    if (kind === 'file') throw new UsageError(msg.outParentNotDirectory(flag, file, parent));
    if (kind === 'directory' || parent === path.dirname(parent)) return;
  }
}

function kindOf(file: string): 'file' | 'directory' | null {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat === undefined ? null : stat.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    // ENOTDIR: a folder on the way is a file, which the walk up the parents names.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

export function writeDocumentOutput(output: DocumentOutput): string[] {
  // Every target is checked first: a figure written beside a document that cannot be is half a write.
  for (const { file } of output.files) checkOutputFile('output', file);
  for (const { file, content } of output.files) writeFileAtomic(file, content);
  for (const file of output.stale) rmSync(file, { force: true });
  return output.files.map((f) => f.file);
}
