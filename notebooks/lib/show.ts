// Tables for notebook output: rows of objects or a danfo DataFrame as an HTML table, numbers
// rounded for reading (the data keeps full precision).
import type { DataFrame } from 'danfojs-node';

type Cell = string | number | boolean | null | undefined;

export function htmlTable(rows: Array<Record<string, unknown>>, columns?: string[], digits = 2): string {
  const names = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = names.map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${names.map((name) => `<td>${escapeHtml(formatCell(row[name] as Cell, digits))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The first `limit` rows of a DataFrame (all when omitted), as an HTML table. */
export function frameTable(frame: DataFrame, limit?: number, digits = 2): string {
  const columns = frame.columns.map(String);
  const values = frame.values as Cell[][];
  const shown = limit === undefined ? values : values.slice(0, limit);
  const rows = shown.map((row) => Object.fromEntries(columns.map((name, at) => [name, row[at]])));
  const more = values.length > shown.length ? `<p>${shown.length} of ${values.length} rows</p>` : '';
  return htmlTable(rows, columns, digits) + more;
}

function formatCell(value: Cell, digits: number): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return String(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
