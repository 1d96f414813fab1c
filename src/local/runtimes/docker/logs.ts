// A container's stdout and stderr from the Engine API's attach stream: frames of an 8-byte header
// (stream 1 or 2, then the payload length, big-endian) and the payload. Split back into the two
// streams that the sentinel reader (log-lines.ts) cuts into activations, as OpenWhisk reads the
// container's log.
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { StreamLines } from '../log-lines.js';

export interface ContainerOutput {
  stdout: StreamLines;
  stderr: StreamLines;
  /** Resolves when the attach stream ends (the container stopped or was removed). */
  ended: Promise<void>;
}

export function demultiplex(socket: Socket): ContainerOutput {
  const out = new PassThrough();
  const err = new PassThrough();
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    let at = 0;
    while (buffered.length - at >= 8) {
      const size = buffered.readUInt32BE(at + 4);
      if (buffered.length - at - 8 < size) break;
      const payload = buffered.subarray(at + 8, at + 8 + size);
      (buffered[at] === 2 ? err : out).write(payload);
      at += 8 + size;
    }
    buffered = buffered.subarray(at);
  });
  const ended = new Promise<void>((resolve) => {
    const finish = () => {
      out.end();
      err.end();
      resolve();
    };
    socket.once('end', finish);
    socket.once('close', finish);
    socket.once('error', finish);
  });
  return { stdout: new StreamLines('stdout', out), stderr: new StreamLines('stderr', err), ended };
}
