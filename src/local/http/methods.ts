// Dispatch on the HTTP method: a route names its handlers; any other method is OpenWhisk's 405.
import { messages } from '../messages.js';
import { HttpError } from './exchange.js';

export type Handler = () => void | Promise<void>;

export function only(method: string, handlers: Record<string, Handler>): void | Promise<void> {
  const handler = handlers[method];
  if (!handler) throw new HttpError(405, messages.methodNotAllowed + Object.keys(handlers).join(', '));
  return handler();
}
