// Markdown tables read back from a rendered document: header cells and body rows, trimmed.

export interface ReadTable {
  header: string[];
  rows: string[][];
}

export function tablesOf(markdown: string): ReadTable[] {
  const lines = markdown.split('\n');
  const out: ReadTable[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i].startsWith('|') || !/^\|[-| ]+\|$/.test(lines[i + 1])) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].startsWith('|'); j++) rows.push(cells(lines[j]));
    out.push({ header: cells(lines[i]), rows });
    i = j;
  }
  return out;
}

/** Cells of a row; an escaped pipe (\|) stays inside its cell. */
function cells(line: string): string[] {
  return line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
}
