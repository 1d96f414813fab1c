// Reads a request body as JSON, refusing more than `limitBytes` with OpenWhisk's 413 message.
import type { IncomingMessage } from 'node:http';
import { messages } from '../messages.js';
import { HttpError } from './exchange.js';

export async function readJsonBody(req: IncomingMessage, limitBytes: number, field: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) tooBig = true; // keep draining so the client can read the 413
    else chunks.push(chunk as Buffer);
  }
  if (tooBig) throw new HttpError(413, messages.entityTooBig(field, size, limitBytes));
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, messages.malformedRequest((error as Error).message));
  }
}
