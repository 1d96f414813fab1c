// Answering a request whose body is still unread (refused before or while reading it): the body is
// never drained (it may be huge or endless, issue 15), and the connection is closed after the
// answer. The close lingers briefly without reading, so that a client still sending gets to read
// the answer before its unread bytes turn the close into a reset.
import type { IncomingMessage } from 'node:http';

const LINGER_MS = 500;

/** Whether the request announced a body that has not been read to its end. */
export function bodyUnread(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Call before answering: stops reading the body and turns node:http's close into a lingering one. */
export function closeWithoutDraining(req: IncomingMessage): void {
  // node:http drains ("dumps") a body nobody consumed once the answer is sent; a paused stream
  // that has been asked to read counts as consumed, so at most its buffer (16 KB) is ever read.
  req.read(0);
  req.pause();
  const socket = req.socket;
  // With `Connection: close`, node:http ends the answer with socket.destroySoon(): end, then destroy
  // at once. Replace it for this socket only: end, then destroy after the linger.
  Object.defineProperty(socket, 'destroySoon', {
    configurable: true,
    value: () => {
      socket.end();
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    },
  });
}
