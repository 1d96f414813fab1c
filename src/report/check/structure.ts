// Rules of the consistency check on the document's outline (issue 11): no section without a body
// (a heading followed directly by a heading of its level or above, a rule or the end), no heading twice, no table without rows.
import * as msg from './messages.js';
import { tablesOf } from './tables.js';

/** Headings (## to ####), fenced code skipped. */
function headings(lines: readonly string[]): Array<{ at: number; level: number; text: string }> {
  const out: Array<{ at: number; level: number; text: string }> = [];
  let fenced = false;
  lines.forEach((line, at) => {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (m) out.push({ at, level: m[1].length, text: line });
  });
  return out;
}

export function emptySections(markdown: string): string[] {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (const h of headings(lines)) {
    if (h.level < 2) continue;
    let j = h.at + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const next = lines[j];
    // A deeper heading right after is a subsection (## Key Insights, then ### …), not an empty section.
    const nextLevel = /^(#{1,6}) /.exec(next ?? '')?.[1].length;
    if (next === undefined || next === '---' || (nextLevel !== undefined && nextLevel <= h.level)) out.push(msg.emptyHeading(h.text));
  }
  return out;
}

/** The same heading twice under the same parent ("#### 1. Execution" under each level's "###" is not a repeat). */
export function duplicateHeadings(markdown: string): string[] {
  const seen = new Map<string, number>();
  const parents: string[] = [];
  for (const h of headings(markdown.split('\n'))) {
    parents.length = Math.min(parents.length, h.level - 1);
    const key = `${parents.join('\u0000')}\u0000${h.text}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    parents[h.level - 1] = h.text;
  }
  const texts = new Map<string, number>();
  for (const [key, n] of seen) if (n > 1) texts.set(key.slice(key.lastIndexOf('\u0000') + 1), n);
  return [...texts].map(([text, n]) => msg.duplicateHeading(text, n));
}


/** A table with a header and no row: the data it lays out is not there (e.g. no recorded level). */
export function emptyTables(markdown: string): string[] {
  return tablesOf(markdown).filter((t) => t.rows.length === 0).map((t) => msg.emptyTable(t.header.join(' | ')));
}
