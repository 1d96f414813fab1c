// Identifiers shaped as OpenWhisk makes them: activation ids are 32 lowercase hex characters
// (a UUID without dashes); transaction ids are 32 alphanumerics.
import { randomBytes, randomUUID } from 'node:crypto';

export function newActivationId(): string {
  return randomUUID().replaceAll('-', '');
}

const alphanumerics = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newTransactionId(): string {
  return Array.from(randomBytes(32), (byte) => alphanumerics[byte % alphanumerics.length]).join('');
}

export function isActivationId(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}
