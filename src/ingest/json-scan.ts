// A JSON grammar check without recursion, run before JSON.parse: it finds the exact place of the
// first problem (V8's messages name neither the line nor, for a bad word, the character), and
// enforces the limits that keep a hostile file from exhausting the stack or memory later on.
import * as msg from './messages.js';

/** Deeper nesting than any activation data has; deep enough values overflow the stack downstream. */
export const MAX_DEPTH = 100;
/** No field of activation data is this long (a runtime label, a log line); larger is hostile. */
export const MAX_STRING = 1 << 20;

export interface JsonProblem {
  offset: number;
  problem: string;
}

const enum C {
  Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Zero = 48, Nine = 57, Colon = 58, OpenSquare = 91, Backslash = 92, CloseSquare = 93, OpenCurly = 123, CloseCurly = 125,
}

/** The first problem in `text` as one JSON value (whitespace around it allowed), or null. */
export function scanJson(text: string): JsonProblem | null {
  const n = text.length;
  // Open containers: true for an object. `expectKey` is set right after "{" or "," in an object.
  const stack: boolean[] = [];
  let p = skipWs(text, 0);
  for (;;) {
    // A value at p.
    if (p >= n) return { offset: n, problem: msg.truncatedJson() };
    const c = text.charCodeAt(p);
    if (c === C.OpenSquare || c === C.OpenCurly) {
      if (stack.length >= MAX_DEPTH) return { offset: p, problem: msg.tooDeep(MAX_DEPTH) };
      stack.push(c === C.OpenCurly);
      p = skipWs(text, p + 1);
      const close = c === C.OpenCurly ? C.CloseCurly : C.CloseSquare;
      if (text.charCodeAt(p) === close) {
        stack.pop();
        p++;
      } else if (c === C.OpenCurly) {
        const key = member(text, p);
        if (typeof key !== 'number') return key;
        p = key;
        continue;
      } else {
        continue;
      }
    } else {
      const end = scalar(text, p);
      if (typeof end !== 'number') return end;
      p = end;
    }
    // After a value: close containers, or a comma and the next value.
    for (;;) {
      p = skipWs(text, p);
      if (stack.length === 0) return p < n ? { offset: p, problem: msg.notJson(`${describe(text, p)} after the end of the JSON value`) } : null;
      if (p >= n) return { offset: n, problem: msg.truncatedJson() };
      const d = text.charCodeAt(p);
      const inObject = stack[stack.length - 1];
      if (d === (inObject ? C.CloseCurly : C.CloseSquare)) {
        stack.pop();
        p++;
        continue;
      }
      if (d !== C.Comma) return { offset: p, problem: msg.notJson(`${describe(text, p)}: expected "," or "${inObject ? '}' : ']'}"`) };
      p = skipWs(text, p + 1);
      if (inObject) {
        const key = member(text, p);
        if (typeof key !== 'number') return key;
        p = key;
      }
      break;
    }
  }
}

/** `"key":` at p; the offset of the value after it. */
function member(text: string, p: number): number | JsonProblem {
  if (p >= text.length) return { offset: p, problem: msg.truncatedJson() };
  if (text.charCodeAt(p) !== C.Quote) return { offset: p, problem: msg.notJson(`${describe(text, p)}: expected a quoted key`) };
  const end = string(text, p);
  if (typeof end !== 'number') return end;
  const colon = skipWs(text, end);
  if (colon >= text.length) return { offset: colon, problem: msg.truncatedJson() };
  if (text.charCodeAt(colon) !== C.Colon) return { offset: colon, problem: msg.notJson(`${describe(text, colon)}: expected ":" after the key`) };
  return skipWs(text, colon + 1);
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

function scalar(text: string, p: number): number | JsonProblem {
  const c = text.charCodeAt(p);
  if (c === C.Quote) return string(text, p);
  if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) {
    // Sticky at p, on the text itself: a number of any length is JSON, as JSON.parse agrees.
    NUMBER.lastIndex = p;
    if (NUMBER.test(text)) return NUMBER.lastIndex;
  }
  const word = /^-?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(p, p + 40))?.[0];
  if (word === 'true' || word === 'false' || word === 'null') return p + word.length;
  if (word !== undefined) {
    if (/^-?(NaN|Infinity|nan|inf|infinity)$/i.test(word)) return { offset: p, problem: msg.nanLiteral(word) };
    return { offset: p, problem: msg.badJsonWord(word) };
  }
  if (c === C.Minus || c === C.Plus || c === C.Dot) return { offset: p, problem: msg.notJson(`${describe(text, p)}: a number is written like 12, -0.5 or 1e3`) };
  return { offset: p, problem: msg.notJson(`${describe(text, p)}: expected a value`) };
}

/** A string at p (its opening quote); the offset after its closing quote. */
function string(text: string, p: number): number | JsonProblem {
  const start = p;
  const n = text.length;
  for (p++; p < n; p++) {
    const c = text.charCodeAt(p);
    if (p - start > MAX_STRING) return { offset: start, problem: msg.tooLongString(MAX_STRING) };
    if (c === C.Quote) return p + 1;
    if (c === C.Backslash) {
      const e = text[p + 1];
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(p + 2, p + 6))) return { offset: p, problem: msg.notJson('\\u not followed by 4 hex digits') };
        p += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        p++;
      } else if (e !== undefined) {
        return { offset: p, problem: msg.notJson(`escape \\${msg.quoteChar(e)} in a string`) };
      }
    } else if (c < C.Space) {
      if (c === C.Lf || c === C.Cr) return { offset: start, problem: msg.unclosedJsonString() };
      return { offset: p, problem: msg.notJson(`control character ${msg.quoteChar(text[p])} in a string (write it as \\u${c.toString(16).padStart(4, '0')})`) };
    }
  }
  return { offset: n, problem: msg.truncatedJson() };
}

function skipWs(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c !== C.Space && c !== C.Lf && c !== C.Cr && c !== C.Tab) return p;
    p++;
  }
}

function describe(text: string, p: number): string {
  return msg.quoteChar(String.fromCodePoint(text.codePointAt(p) ?? 0));
}
