// Basic authentication as OpenWhisk checks it: user = the key's UUID, password = the key.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { messages } from '../messages.js';
import { HttpError } from './exchange.js';

/** OpenWhisk's well-known local guest credentials (standalone.conf `users.guest`). */
export const GUEST_KEY =
  '23bc46b1-71f6-4ed5-8c54-816aa4f8c502:123zO3xZCLrMN6v2BKK1dXYFpXlPkccOFqm12CdAsMgRU4VrNZ9lyGVCGuMDGIwP';
export const GUEST_NAMESPACE = 'guest';

const challenge = { 'WWW-Authenticate': 'Basic realm="OpenWhisk secure realm"' };

/** Throws 401 (OpenWhisk's body and challenge) unless the request carries exactly `auth`. */
export function authenticate(req: IncomingMessage, auth: string): void {
  const header = req.headers.authorization;
  if (!header) throw new HttpError(401, messages.authenticationMissing, challenge);
  const match = /^Basic\s+(\S+)$/i.exec(header);
  const given = Buffer.from(match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '', 'utf8');
  const expected = Buffer.from(auth, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, messages.authenticationInvalid, challenge);
  }
}

/** A key is `uuid:key`; returns null when it is malformed. */
export function isWellFormedAuth(auth: string): boolean {
  return /^[^:\s]+:[^\s]+$/.test(auth);
}
