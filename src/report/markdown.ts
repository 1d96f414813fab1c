// Escaping untrusted text (runtime names, labels, action names) for Markdown, and aligning
// tables. Templates are compiled with noEscape (HTML escaping is wrong for Markdown), so every
// untrusted string goes through one of these helpers.

/** Characters that start Markdown (or HTML) syntax inside a line; escaped with a backslash. */
const INLINE_SPECIALS = /[\\`*_[\]<>|~#&!$]/g;

/** Line breaks end a paragraph, a list item or a table row: text is always one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Plain text that stays plain text inside a paragraph, heading or list item. */
export function escapeInline(text: string): string {
  return oneLine(text).replace(INLINE_SPECIALS, (c) => `\\${c}`);
}

/** Text inside a table cell: inline escaping already escapes `|`, which would split the cell. */
export function escapeCell(text: string): string {
  return escapeInline(text);
}

/**
 * A code span that holds any text: the fence is longer than any run of backticks inside, and a
 * space pads content that starts or ends with a backtick (CommonMark §6.1).
 */
export function codeSpan(text: string): string {
  const content = oneLine(text);
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') || content === '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A code span inside a table cell. GFM splits cells on `|` even inside code, and a backslash
 * before an escaped pipe is ambiguous there: text holding either is shown as escaped plain text.
 */
export function codeCell(text: string): string {
  return /[|\\]/.test(text) ? escapeCell(text) : codeSpan(text);
}

/** A heading or title line: user-written Markdown, kept as written but on one line. */
export function headingLine(text: string): string {
  return oneLine(text).trim();
}

/** User-written Markdown (a title) inside a table cell: one line, its bare pipes escaped. */
export function markdownCell(text: string): string {
  return headingLine(text).replace(/(^|[^\\])\|/g, '$1\\|');
}

/** Splits a table row on the `|` that are not backslash-escaped. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length) {
      cell += c + line[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  // A row starts and ends with a pipe: drop the empty text outside them.
  return cells.slice(1, -1).map((s) => s.trim());
}

const width = (text: string) => [...text].length;

/**
 * Pads every cell of a Markdown table to its column's width (the seed's layout), rebuilding the
 * delimiter row as dashes. Lines that are not table rows pass through unchanged.
 */
export function alignTable(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const rows = lines.map((line) => (line.trim().startsWith('|') ? splitRow(line.trim()) : null));
  const table = rows.filter((r): r is string[] => r !== null);
  const isDelimiter = (row: string[]) => row.every((cell) => /^:?-+:?$/.test(cell));
  const columns = Math.max(0, ...table.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(3, ...table.filter((r) => !isDelimiter(r)).map((r) => width(r[i] ?? ''))),
  );
  return lines
    .map((line, index) => {
      const row = rows[index];
      if (row === null) return line;
      if (isDelimiter(row)) return `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
      const cells = widths.map((w, i) => (row[i] ?? '') + ' '.repeat(w - width(row[i] ?? '')));
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
}
