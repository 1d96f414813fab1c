// The inputs a document cites: each path relative (to `root`, when given) with posix separators,
// so the provenance block reads the same on every machine and operating system.
import path from 'node:path';
import type { Table } from '../types.js';
import type { ProvenanceInput } from './model.js';

export function provenanceInputs(table: Table, root?: string): ProvenanceInput[] {
  return table.sources.map((source) => ({
    path: displayPath(source.path, root),
    sha256: source.sha256,
    format: source.format,
  }));
}

export function displayPath(file: string, root?: string): string {
  const relative = root === undefined ? file : path.relative(root, path.resolve(root, file));
  return relative.split(path.sep).join('/');
}
