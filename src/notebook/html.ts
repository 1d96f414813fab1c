// Tables for notebook output: rows of objects as an HTML table, numbers rounded for reading (the
// data keeps full precision), and a plain-text twin for front ends without HTML.
type Cell = unknown;

export function htmlTable(rows: ReadonlyArray<Record<string, Cell>>, columns?: readonly string[], digits = 2): string {
  const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = names.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const body = rows.map((row) => `<tr>${names.map((name) => `<td>${escapeHtml(formatCell(row[name], digits))}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function textTable(rows: ReadonlyArray<Record<string, Cell>>, columns?: readonly string[], digits = 2): string {
  const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cells = [names.slice(), ...rows.map((row) => names.map((name) => formatCell(row[name], digits)))];
  const widths = names.map((_, at) => Math.max(...cells.map((line) => line[at]!.length)));
  return cells.map((line) => line.map((cell, at) => cell.padEnd(widths[at]!)).join('  ').trimEnd()).join('\n');
}

export function formatCell(value: Cell, digits: number): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A table bundle: HTML where it renders, aligned text elsewhere; a caption line under both. */
export function tableBundle(rows: ReadonlyArray<Record<string, Cell>>, columns: readonly string[] | undefined, caption: string): Record<string, string> {
  return {
    'text/html': `${htmlTable(rows, columns)}\n<p>${escapeHtml(caption)}</p>`,
    'text/plain': `${textTable(rows, columns)}\n${caption}`,
  };
}
