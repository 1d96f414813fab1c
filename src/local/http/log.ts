// The server's one log line for an error a request caused: what failed and where, never a stack
// (a stack on stderr is a defect, issue 15), never a header, body or query (they may hold secrets).
import type { Exchange } from './exchange.js';

const MAX_LENGTH = 300;

export function internalErrorLine(ex: Exchange, error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  const detail = error instanceof Error ? error.message : String(error);
  const method = printable(ex.req.method ?? '?');
  const where = printable(ex.url.pathname);
  return clip(`owbench serve: internal error (${ex.tid}) ${method} ${where}: ${kind}: ${printable(detail)}`) + '\n';
}

/** Control characters (newlines, escapes) shown as \uXXXX, so the line stays one line. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
