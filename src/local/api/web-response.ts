// Web action answers by extension, as WebActions.scala's transcoders write them: .json (an object
// or array), .html/.svg (`body` or `html`/`svg`, a string), .text (`body` or `text`), .http
// (`{headers, statusCode, body}`: a string body is text/html unless a content type says otherwise
// and base64 for binary types; a JSON body is application/json; no body is 204).
import type { Exchange } from '../http/exchange.js';
import { sendError } from '../http/exchange.js';
import { messages } from '../messages.js';

export const WEB_EXTENSIONS = ['.http', '.json', '.html', '.svg', '.text'] as const;
export type WebExtension = (typeof WEB_EXTENSIONS)[number];

/** `name.ext` → [name, ext]; a name without a known extension is `.http` (the default transcoder). */
export function splitExtension(segment: string): [string, WebExtension] {
  const ext = WEB_EXTENSIONS.find((e) => segment.endsWith(e));
  return ext ? [segment.slice(0, -ext.length), ext] : [segment, '.http'];
}

export function sendWebResult(ex: Exchange, ext: WebExtension, result: unknown, headers: Record<string, string>): void {
  const fields = isObject(result) ? result : undefined;
  const pick = (key: string) => (fields ? (fields.body ?? fields[key]) : result);
  if (ext === '.json') {
    if (result === null || typeof result !== 'object') return sendError(ex, 400, messages.invalidMedia('application/json'), headers);
    return send(ex, 200, 'application/json', JSON.stringify(result), headers);
  }
  if (ext === '.html' || ext === '.svg') {
    const text = pick(ext.slice(1));
    const type = ext === '.html' ? 'text/html; charset=UTF-8' : 'image/svg+xml';
    if (typeof text !== 'string') return sendError(ex, 400, messages.invalidMedia(ext === '.html' ? 'text/html' : 'image/svg+xml'), headers);
    return send(ex, 200, type, text, headers);
  }
  if (ext === '.text') {
    const text = fields ? (fields.body ?? fields.text) : result;
    if (text === undefined) return sendError(ex, 404, messages.propertyNotFound, headers);
    const shown = typeof text === 'string' ? text : typeof text === 'object' && text !== null ? JSON.stringify(text, null, 2) : String(text);
    return send(ex, 200, 'text/plain; charset=UTF-8', shown, headers);
  }
  sendHttp(ex, fields, headers);
}

function sendHttp(ex: Exchange, fields: Record<string, unknown> | undefined, base: Record<string, string>): void {
  const invalid = () => sendError(ex, 400, messages.invalidMedia('message/http'), base);
  if (!fields) return invalid();
  const headers: Record<string, string> = {};
  if (fields.headers !== undefined) {
    if (!isObject(fields.headers)) return invalid();
    for (const [key, value] of Object.entries(fields.headers)) {
      if (!['string', 'number', 'boolean'].includes(typeof value)) return invalid();
      headers[key] = String(value);
    }
  }
  const code = fields.statusCode === undefined ? undefined : Number(fields.statusCode);
  if (code !== undefined && (!Number.isInteger(code) || code < 100 || code > 599)) return invalid();
  const typeKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const type = typeKey ? headers[typeKey]! : undefined;
  if (typeKey) delete headers[typeKey];
  const { body } = fields;
  if (body === undefined || body === null || body === '') return send(ex, code ?? 204, undefined, '', { ...base, ...headers });
  if (typeof body === 'string') {
    const contentType = type ?? 'text/html';
    const binary = !/^text\/|json|xml|javascript|x-www-form-urlencoded/.test(contentType);
    return send(ex, code ?? 200, contentType, binary ? Buffer.from(body, 'base64') : body, { ...base, ...headers });
  }
  send(ex, code ?? 200, type ?? 'application/json', JSON.stringify(body), { ...base, ...headers });
}

function send(ex: Exchange, status: number, type: string | undefined, body: string | Buffer, headers: Record<string, string>): void {
  if (ex.res.headersSent || ex.res.destroyed) return;
  ex.res.writeHead(status, {
    ...(type ? { 'Content-Type': type } : {}),
    'Content-Length': Buffer.byteLength(body),
    'X-Request-ID': ex.tid,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'OPTIONS, GET, DELETE, POST, PUT, HEAD, PATCH',
    ...headers,
  });
  ex.res.end(body);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
