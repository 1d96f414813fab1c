// The colours a project's figures already give their runtimes, read back from the specs
// (NAME/<id>.vl.json) beside the documents of a docs folder: how `owbench report --out` into a
// folder that holds documents keeps each runtime's colour without a palette file anywhere.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RuntimePalette } from './palette.js';

/** Label → colour from every runtime colour scale in `spec` (layers, facets), first one wins. */
export function specColours(spec: unknown, into = new Map<string, string>()): Map<string, string> {
  if (spec === null || typeof spec !== 'object') return into;
  const color = (spec as { color?: { field?: unknown; scale?: { domain?: unknown; range?: unknown } } }).color;
  const { domain, range } = color?.field === 'runtime' && color.scale ? color.scale : { domain: null, range: null };
  if (Array.isArray(domain) && Array.isArray(range)) {
    domain.forEach((label, i) => {
      if (typeof label === 'string' && typeof range[i] === 'string' && !into.has(label)) into.set(label, range[i]);
    });
  }
  for (const child of Object.values(spec)) specColours(child, into);
  return into;
}

/**
 * The runtime colours of the figures in `folder`'s document folders (NAME.md beside NAME/), in
 * sorted file order. A spec that no longer parses is passed over: it is an earlier output, not input.
 */
export function folderPalette(folder: string): RuntimePalette {
  const colours = new Map<string, string>();
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return colours;
  const names = readdirSync(folder).filter((n) => n.endsWith('.md')).sort();
  for (const name of names) {
    const figures = path.join(folder, name.slice(0, -'.md'.length));
    if (!statSync(figures, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const file of readdirSync(figures).filter((f) => f.endsWith('.vl.json')).sort()) {
      try {
        specColours(JSON.parse(readFileSync(path.join(figures, file), 'utf8')), colours);
      } catch {
        continue;
      }
    }
  }
  return colours;
}
