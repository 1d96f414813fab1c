// Rules of the consistency check on the document's outline (issue 11): no section without a body
// (a heading followed directly by another heading, a rule or the end), no heading twice, no table without rows.
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
    if (next === undefined || next === '---' || /^#{1,6} /.test(next)) out.push(msg.emptyHeading(h.text));
  }
  return out;
}

export function duplicateHeadings(markdown: string): string[] {
  const seen = new Map<string, number>();
  for (const h of headings(markdown.split('\n'))) seen.set(h.text, (seen.get(h.text) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([text, n]) => msg.duplicateHeading(text, n));
}

/** A table with a header and no row: the data it lays out is not there (e.g. no recorded level). */
export function emptyTables(markdown: string): string[] {
  return tablesOf(markdown).filter((t) => t.rows.length === 0).map((t) => msg.emptyTable(t.header.join(' | ')));
}
