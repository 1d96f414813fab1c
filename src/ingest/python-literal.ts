// A reader for the Python literals that scripts print (repr of lists and dicts): single- or
// double-quoted strings, numbers, True/False/None, and nan/inf (kept, so validation can name them).
// Errors carry the line and column, counted in the whole file. Nesting and string lengths are
// bounded (the limits of json-scan.ts), so a hostile block fails with a message, not a stack overflow.
import * as msg from './messages.js';
import { MAX_DEPTH, MAX_STRING } from './json-scan.js';

export class PythonSyntaxError extends Error {
  constructor(readonly line: number, readonly column: number, readonly detail: string) {
    super(`line ${line}, column ${column}: ${detail}`);
    this.name = 'PythonSyntaxError';
  }
}

/** A parsed list, with the line on which each element starts (for messages about that element). */
export interface PythonList {
  items: unknown[];
  lines: number[];
  /** Offset just past the closing bracket. */
  end: number;
}

const WORDS: Record<string, unknown> = { True: true, False: false, None: null, nan: NaN, inf: Infinity };

export class PythonReader {
  private pos: number;

  constructor(private readonly text: string, start: number, private readonly lineBase: number, private readonly lineStart: number) {
    this.pos = start;
  }

  /** Reads a list literal at the current position, noting where each element starts. */
  readList(): PythonList {
    this.skipSpace();
    if (this.text[this.pos] !== '[') this.fail(`expected "[" to open a list, found ${this.found()}`);
    this.pos++;
    const items: unknown[] = [];
    const lines: number[] = [];
    this.sequence(']', () => {
      lines.push(this.where().line);
      items.push(this.value(2));
    });
    return { items, lines, end: this.pos };
  }

  private value(depth = 1): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if ((c === '[' || c === '{') && depth >= MAX_DEPTH) this.fail(msg.tooDeep(MAX_DEPTH));
    if (c === '[') {
      this.pos++;
      const list: unknown[] = [];
      this.sequence(']', () => list.push(this.value(depth + 1)));
      return list;
    }
    if (c === '{') {
      this.pos++;
      const dict: Record<string, unknown> = {};
      this.sequence('}', () => {
        this.skipSpace();
        const key = this.value(depth + 1);
        if (typeof key !== 'string') this.fail(`expected a string key, found ${msg.show(key)}`);
        this.skipSpace();
        if (this.text[this.pos] !== ':') this.fail(`expected ":" after the key ${msg.show(key)}, found ${this.found()}`);
        this.pos++;
        dict[key] = this.value(depth + 1);
      });
      return dict;
    }
    if (c === "'" || c === '"') return this.string(c);
    const number = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 40));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = /^-?[A-Za-z_]\w*/.exec(this.text.slice(this.pos, this.pos + 40));
    if (word) {
      const negative = word[0].startsWith('-');
      const name = negative ? word[0].slice(1) : word[0];
      if (name in WORDS && (!negative || name === 'inf')) {
        this.pos += word[0].length;
        return negative ? -Infinity : WORDS[name];
      }
      this.fail(`unexpected name ${msg.show(word[0])}: expected a number, a quoted string, True, False or None`);
    }
    this.fail(`expected a value, found ${this.found()}`);
  }

  /** Comma-separated items up to `close` (a trailing comma is allowed, as in Python). */
  private sequence(close: string, item: () => void): void {
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      item();
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === close) {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail(`expected "," or "${close}", found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
    }
  }

  private string(quote: string): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === '\n') {
        this.pos = start;
        this.fail('a string is never closed');
      }
      this.pos++;
      if (c === quote) return out;
      if (this.pos - start > MAX_STRING) {
        this.pos = start;
        this.fail(msg.tooLongString(MAX_STRING));
      }
      if (c === '\\') {
        const e = this.text[this.pos++];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
      } else {
        out += c;
      }
    }
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private found(): string {
    const c = this.text[this.pos];
    if (c === undefined) return 'the end of the file';
    if (c === '\n' || c === '\r') return 'the end of the line';
    return msg.quoteChar(String.fromCodePoint(this.text.codePointAt(this.pos) ?? 0));
  }

  private where(): { line: number; column: number } {
    let line = this.lineBase;
    let lineStart = this.lineStart;
    for (let i = this.text.indexOf('\n', lineStart); i !== -1 && i < this.pos; i = this.text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: this.pos - lineStart + 1 };
  }

  private fail(detail: string): never {
    const { line, column } = this.where();
    throw new PythonSyntaxError(line, column, detail);
  }
}
