// One HTTP request and its answer, with what every OpenWhisk response carries: the transaction id
// (X-Request-ID), CORS headers, and JSON error bodies `{error, code}`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newTransactionId } from '../ids.js';
import { messages } from '../messages.js';
import { bodyUnread, closeWithoutDraining } from './close.js';

export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** Transaction id: the client's x-request-id if given (as OpenWhisk does), else a new one. */
  tid: string;
  /** Epoch ms at which the request arrived: the start of an activation's waitTime. */
  receivedAt: number;
  url: URL;
}

export function newExchange(req: IncomingMessage, res: ServerResponse): Exchange {
  const receivedAt = Date.now();
  const given = req.headers['x-request-id'];
  const tid = typeof given === 'string' && given && !given.startsWith('sid_') ? given : newTransactionId();
  return { req, res, tid, receivedAt, url: requestUrl(req.url) };
}

/** An exchange for a request whose target could not be read, only to send its error. */
export function bareExchange(req: IncomingMessage, res: ServerResponse): Exchange {
  return { req, res, tid: newTransactionId(), receivedAt: Date.now(), url: new URL('http://localhost/') };
}

/**
 * The request target as a URL. Only origin-form targets (`/path?query`) are served: `//`,
 * absolute-form URLs and anything the URL parser rejects are a 400, never an exception that
 * escapes the request.
 */
function requestUrl(target: string | undefined): URL {
  if (!target || !target.startsWith('/') || target.startsWith('//')) throw new HttpError(400, messages.badRequestTarget);
  try {
    return new URL(target, 'http://localhost');
  } catch {
    throw new HttpError(400, messages.badRequestTarget);
  }
}

export function sendJson(
  ex: Exchange,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (ex.res.headersSent || ex.res.destroyed) return;
  const text = JSON.stringify(body);
  const unread = bodyUnread(ex.req);
  if (unread) closeWithoutDraining(ex.req);
  ex.res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-ID': ex.tid,
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, DELETE, POST, PUT, HEAD',
    'Access-Control-Allow-Headers': 'Authorization, Origin, X-Requested-With, Content-Type, Accept, User-Agent',
    // A body still unread is never drained (it may be huge or endless): answer, then close.
    ...(unread ? { Connection: 'close' } : {}),
    ...headers,
  });
  ex.res.end(text);
}

export function sendError(ex: Exchange, status: number, error: string, headers: Record<string, string> = {}): void {
  sendJson(ex, status, { error, code: ex.tid }, headers);
}

/** An error a handler throws to answer with OpenWhisk's error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
