// RFC 4180 CSV: quoted fields (with "" for a quote, and newlines inside), CRLF or LF. An empty
// unquoted cell is null; a quoted empty cell is the empty string.

export type Cell = string | null;

export interface CsvRecord {
  /** Line on which the record starts. */
  line: number;
  cells: Cell[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, readonly detail: string) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

export function* csvRecords(text: string, unclosedQuote: string): Generator<CsvRecord> {
  let pos = 0;
  let line = 1;
  const n = text.length;
  let quote = -1; // the next quote at or after pos (Infinity: none), found once, not per line
  while (pos < n) {
    const startLine = line;
    if (quote < pos) {
      const next = text.indexOf('"', pos);
      quote = next === -1 ? Infinity : next;
    }
    const newline = text.indexOf('\n', pos);
    const stop = newline === -1 ? n : newline;
    if (quote > stop) {
      // No quote on the line: split at its commas, natively, as the cell loop below would.
      const end = newline !== -1 && stop > pos && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
      const cells: Cell[] = text.slice(pos, end).split(',');
      for (let i = 0; i < cells.length; i++) if (cells[i]!.trim() === '') cells[i] = null;
      pos = newline === -1 ? n : newline + 1;
      line++;
      if (!(cells.length === 1 && cells[0] === null)) yield { line: startLine, cells };
      continue;
    }
    const cells: Cell[] = [];
    for (;;) {
      let cell: Cell;
      if (text[pos] === '"') {
        let value = '';
        pos++;
        for (;;) {
          const close = text.indexOf('"', pos);
          if (close === -1) throw new CsvSyntaxError(startLine, unclosedQuote);
          const chunk = text.slice(pos, close);
          for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) line++;
          value += chunk;
          pos = close + 1;
          if (text[pos] === '"') {
            value += '"';
            pos++;
          } else {
            break;
          }
        }
        cell = value;
        // Anything between the closing quote and the separator is kept, as most readers do.
        const stop = nextStop(text, pos);
        cell += text.slice(pos, stop);
        pos = stop;
      } else {
        const stop = nextStop(text, pos);
        const raw = text.slice(pos, stop);
        cell = raw.trim() === '' ? null : raw;
        pos = stop;
      }
      cells.push(cell);
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      // End of record: \n, \r\n or end of text.
      if (text[pos] === '\r') pos++;
      if (text[pos] === '\n') pos++;
      line++;
      break;
    }
    if (!(cells.length === 1 && cells[0] === null)) yield { line: startLine, cells };
  }
}

function nextStop(text: string, pos: number): number {
  let i = pos;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ || c === 10 /* \n */ || (c === 13 && text.charCodeAt(i + 1) === 10)) break;
  }
  return i;
}
