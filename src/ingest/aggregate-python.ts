// Format 4, Python-literal form: blocks of `results <runtime words> ...:` followed by a Python list
// of dicts, as the seed's scripts printed them; several blocks a file.
import type { AggregateRow } from '../types.js';
import * as msg from './messages.js';
import { aggregateRow } from './aggregate.js';
import { fail, rejectRecord, type FileContext } from './problem.js';
import { PythonReader, PythonSyntaxError } from './python-literal.js';

const HEADER = /^results\b(.*):[ \t]*$/;

/** "results wasm openwhisk mobilenet model:" → "wasm"; else the words before "model:", else all. */
export function runtimeOfHeader(header: string): string | undefined {
  const words = (HEADER.exec(header.trim())?.[1] ?? '').trim();
  const beforeOpenwhisk = /^(.*?)\s*\bopenwhisk\b/i.exec(words);
  const beforeModel = /^(.*?)\s*\bmodel$/i.exec(words);
  const label = (beforeOpenwhisk?.[1] ?? beforeModel?.[1] ?? words).trim();
  return label || undefined;
}

export function aggregatePythonRows(text: string, ctx: FileContext, out: AggregateRow[]): void {
  const lineAt = lineCounter(text);
  let offset = 0;
  let blocks = 0;
  while (offset < text.length) {
    const lineEnd = endOfLine(text, offset);
    const content = text.slice(offset, lineEnd).trim();
    const line = lineAt(offset);
    if (content && !HEADER.test(content)) fail(ctx, `line ${line}`, msg.pythonTextOutsideBlock());
    if (!content) {
      offset = lineEnd + 1;
      continue;
    }
    const runtime = runtimeOfHeader(content);
    const list = readBlock(text, lineEnd + 1, line + 1, ctx, line);
    blocks++;
    for (let i = 0; i < list.items.length; i++) {
      try {
        out.push(aggregateRow(list.items[i], runtime, ctx.runtime, ctx.source));
      } catch (error) {
        rejectRecord(ctx, `line ${list.lines[i]}, [${i}]`, error);
      }
    }
    const restEnd = endOfLine(text, list.end);
    const trailing = text.slice(list.end, restEnd).trim();
    if (trailing) fail(ctx, `line ${lineAt(list.end)}`, msg.badPythonBlock(`unexpected text after the list: ${msg.show(trailing)}`));
    offset = restEnd + 1;
  }
  if (blocks === 0) fail(ctx, null, msg.emptyFile());
}

function endOfLine(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** Line numbers of offsets visited in increasing order, without rescanning from the start. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let scanned = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      scanned = i + 1;
    }
    scanned = Math.max(scanned, offset);
    return line;
  };
}

function readBlock(text: string, start: number, line: number, ctx: FileContext, headerLine: number) {
  if (start > text.length || !text.slice(start).trim()) fail(ctx, `line ${headerLine}`, msg.pythonHeaderWithoutList());
  try {
    return new PythonReader(text, start, line, start).readList();
  } catch (error) {
    if (error instanceof PythonSyntaxError) {
      fail(ctx, `line ${error.line}, column ${error.column}`, msg.badPythonBlock(error.detail));
    }
    throw error;
  }
}
