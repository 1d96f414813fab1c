// A raw HTTP/1.1 client for what fetch and the openwhisk client cannot do: malformed requests,
// bodies larger than they claim, bytes trickled one at a time. It counts what it managed to send.
import { connect, type Socket } from 'node:net';
import { GUEST_KEY } from '../../../src/index.js';

export const authLine = `Authorization: Basic ${Buffer.from(GUEST_KEY).toString('base64')}\r\n`;

export interface RawAnswer {
  /** The status code of the first response line, 0 when none came. */
  status: number;
  text: string;
  /** Body bytes the client wrote before the server closed the connection. */
  bytesSent: number;
  /** Milliseconds from connecting to the connection's close. */
  elapsedMs: number;
}

export interface RawRequest {
  head: string;
  /** Called with the connected socket to send the body (or nothing); resolves when done sending. */
  send?: (socket: Socket, sent: (n: number) => void) => Promise<void>;
  timeoutMs?: number;
}

export function rawRequest(apihost: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(apihost);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let text = '';
    let bytesSent = 0;
    let closed = false;
    const socket = connect(Number(port), hostname, () => {
      socket.write(request.head);
      void request.send?.(socket, (n) => (bytesSent += n)).catch(() => undefined);
    });
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined); // a reset after the answer is expected
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, bytesSent, elapsedMs: Date.now() - started });
    });
    const timer = setTimeout(() => {
      if (!closed) {
        socket.destroy();
        reject(new Error(`the server kept the connection open for ${request.timeoutMs ?? 10_000} ms: ${text.slice(0, 200)}`));
      }
    }, request.timeoutMs ?? 10_000);
  });
}

/** Writes `total` bytes of `fill` in 64 KB chunks, honouring backpressure, until done or the socket closes. */
export async function streamBytes(socket: Socket, total: number, sent: (n: number) => void, fill = 'x'): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, fill);
  for (let left = total; left > 0 && !socket.destroyed && socket.writable; ) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    const ok = socket.write(piece);
    sent(piece.length);
    left -= piece.length;
    if (!ok) await new Promise((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
  }
}

/** Writes `text` one byte every `everyMs`, while the socket is open. */
export async function trickle(socket: Socket, text: string, everyMs: number, sent: (n: number) => void = () => undefined): Promise<void> {
  for (const ch of text) {
    if (socket.destroyed || !socket.writable) return;
    socket.write(ch);
    sent(1);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
