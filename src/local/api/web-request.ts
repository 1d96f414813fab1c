// The action argument of a web action (WebActions.scala Context.toActionArgument): __ow_method
// (lower case), __ow_headers (lower-cased names), __ow_path (the path after the action), __ow_user
// (only when the caller authenticated), then query parameters, then body fields (a JSON or form
// object; other bodies as `__ow_body`). raw-http boxes the query as `__ow_query` and the body as
// `__ow_body` (base64 for binary types). The Authorization header is not passed on: the key
// must reach no action (owbench's rule, stricter than OpenWhisk).
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import { PAYLOAD_LIMIT_BYTES } from './invoke.js';

export const RESERVED_WEB_PARAMS = ['__ow_method', '__ow_headers', '__ow_path', '__ow_user', '__ow_body', '__ow_query'];

export interface WebRequest {
  method: string;
  headers: Record<string, string>;
  path: string;
  query: URLSearchParams;
  rawQuery: string;
  body: Buffer;
  user?: string;
}

export async function readWebRequest(req: IncomingMessage, url: URL, path: string, user: string | undefined): Promise<WebRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= PAYLOAD_LIMIT_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > PAYLOAD_LIMIT_BYTES) throw new HttpError(413, messages.entityTooBig('Request', size, PAYLOAD_LIMIT_BYTES));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name !== 'authorization' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toLowerCase(),
    headers,
    path,
    query: url.searchParams,
    rawQuery: url.search.replace(/^\?/, ''),
    body: Buffer.concat(chunks),
    ...(user !== undefined ? { user } : {}),
  };
}

/** The parameters the action receives; 400 when the request sets a reserved or final one. */
export function webArguments(request: WebRequest, raw: boolean, finalKeys: string[]): Record<string, unknown> {
  const type = request.headers['content-type'] ?? '';
  const query = raw ? { __ow_query: request.rawQuery } : Object.fromEntries(request.query);
  let body: Record<string, unknown> = {};
  let bodyKeys: string[] = [];
  if (request.body.length > 0) {
    const text = request.body.toString('utf8');
    const boxed = { __ow_body: isText(type) ? text : request.body.toString('base64') };
    const parsed = raw ? undefined : parseBody(type, text);
    if (isObject(parsed)) {
      body = parsed;
      bodyKeys = Object.keys(parsed);
    } else body = parsed === undefined ? boxed : { __ow_body: parsed };
  } else if (raw) body = { __ow_body: '' };
  // Context.overrides: what the caller sends may not set a reserved (__ow_*) or a final parameter
  // (raw-http actions are not checked: their query and body stay boxed).
  const given = [...(raw ? [] : Object.keys(query)), ...bodyKeys];
  if (given.some((key) => RESERVED_WEB_PARAMS.includes(key) || finalKeys.includes(key))) {
    throw new HttpError(400, messages.parametersNotAllowed);
  }
  return {
    __ow_method: request.method,
    __ow_headers: request.headers,
    __ow_path: request.path,
    ...(request.user !== undefined ? { __ow_user: request.user } : {}),
    ...query,
    ...body,
  };
}

/** A JSON or form body as a value; undefined for any other type (it is passed as __ow_body). */
function parseBody(type: string, text: string): unknown {
  if (type.includes('json')) return parseJson(text);
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, messages.malformedRequest((error as Error).message));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isText(type: string): boolean {
  return type === '' || /^text\/|json|xml|javascript|x-www-form-urlencoded/.test(type);
}
