// Query-string parameters parsed as OpenWhisk's directives parse them (400 with its messages).
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';

export function booleanParam(query: URLSearchParams, name: string, fallback = false): boolean {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new HttpError(400, messages.malformedRequest(`The query parameter '${name}' was malformed:\n'${value}' is not a valid Boolean value`));
}

export function integerParam(query: URLSearchParams, name: string, collection: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw new HttpError(400, messages.argumentNotInteger(collection, value));
  return Number(value);
}

/** `limit` (default 30, 0 means the max 200, above 200 is 400) and `skip` (>= 0). */
export function pageParams(query: URLSearchParams, collection: string): { skip: number; limit: number } {
  const max = 200;
  const limit = integerParam(query, 'limit', collection) ?? 30;
  if (limit < 0 || limit > max) throw new HttpError(400, messages.listLimitOutOfRange(collection, limit, max));
  const skip = integerParam(query, 'skip', collection) ?? 0;
  if (skip < 0) throw new HttpError(400, messages.listSkipOutOfRange(collection, skip));
  return { skip, limit: limit === 0 ? max : limit };
}
