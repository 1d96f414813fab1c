// Reads a request body as JSON, never more than `limitBytes` of it (issue 15: an attacker's 54 GB
// were drained). A declared length above the limit is refused unread; a chunked body is refused
// as soon as it passes the limit; both answer 413 and close the connection. A body that does not
// arrive by the request's body deadline is a 408, also closing the connection.
import type { IncomingMessage } from 'node:http';
import { messages } from '../messages.js';
import { HttpError } from './exchange.js';

/** Body deadlines (epoch ms) set by the server when a request arrives. */
const deadlines = new WeakMap<IncomingMessage, number>();
const DEFAULT_BODY_TIMEOUT_MS = 60_000;

export function setBodyDeadline(req: IncomingMessage, atEpochMs: number): void {
  deadlines.set(req, atEpochMs);
}

export async function readJsonBody(req: IncomingMessage, limitBytes: number, field: string): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new HttpError(413, messages.entityTooBig(field, declared, limitBytes));
  }
  const deadline = deadlines.get(req) ?? Date.now() + DEFAULT_BODY_TIMEOUT_MS;
  const text = (await readAtMost(req, limitBytes, field, deadline)).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, messages.malformedRequest((error as Error).message));
  }
}

function readAtMost(req: IncomingMessage, limitBytes: number, field: string, deadline: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => stop(new HttpError(408, messages.bodyTimedOut)), Math.max(0, deadline - Date.now()));
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) stop(new HttpError(413, messages.entityTooBig(field, size, limitBytes)));
      else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onAborted = () => stop(new HttpError(400, messages.bodyAborted));
    const cleanup = () => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('aborted', onAborted).off('error', onAborted);
    };
    // Stop reading at once: the rest of the body stays unread and the answer closes the connection.
    const stop = (error: HttpError) => {
      cleanup();
      req.pause();
      reject(error);
    };
    req.on('data', onData).on('end', onEnd).on('aborted', onAborted).on('error', onAborted);
  });
}
