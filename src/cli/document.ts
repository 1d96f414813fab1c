// Writing one document with its figures (`report --out`, `docs`): every file is rendered in
// memory first, so bad input writes nothing; then each is written atomically, the figures before
// the Markdown that links them, and figure files an earlier render left behind are removed.
import { rmSync } from 'node:fs';
import { figureFiles, type AssetFile } from '../charts/index.js';
import { writeFileAtomic, type ReportModel } from '../report/index.js';

export interface DocumentOutput {
  files: AssetFile[];
  stale: string[];
}

/** `model` and `markdown` as composeDocument made them for `out` (with figures, or without). */
export async function renderDocumentOutput(model: ReportModel, markdown: string, out: string): Promise<DocumentOutput> {
  const { files, stale } = model.figures.length > 0 ? await figureFiles(model, out) : { files: [], stale: [] };
  return { files: [...files, { file: out, content: markdown }], stale };
}

export function writeDocumentOutput(output: DocumentOutput): string[] {
  for (const { file, content } of output.files) writeFileAtomic(file, content);
  for (const file of output.stale) rmSync(file, { force: true });
  return output.files.map((f) => f.file);
}
