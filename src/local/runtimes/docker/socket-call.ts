// One JSON POST to a container's action proxy over the unix socket in its folder. An answer
// above OpenWhisk's 1 MB result limit is not read past the limit (a runaway action cannot make
// the server buffer it); the caller gets its length and the first megabyte.
import { request } from 'node:http';

/** OpenWhisk's ActivationEntityLimit: 1 MB. */
export const MAX_RESULT_BYTES = 1024 * 1024;

export interface SocketAnswer {
  statusCode: number;
  text: string;
  /** The announced length when it exceeded MAX_RESULT_BYTES (`text` then holds the first megabyte). */
  tooLong?: number;
}

export function postOverSocket(socketPath: string, path: string, body: unknown): Promise<SocketAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath, path, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const announced = Number(res.headers['content-length'] ?? 0);
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const text = Buffer.concat(chunks).subarray(0, MAX_RESULT_BYTES).toString('utf8');
          const length = Math.max(announced, size);
          resolve({ statusCode: res.statusCode ?? 0, text, ...(length > MAX_RESULT_BYTES ? { tooLong: length } : {}) });
        };
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size - chunk.length < MAX_RESULT_BYTES) chunks.push(chunk);
          if (size > MAX_RESULT_BYTES) {
            res.destroy();
            done();
          }
        });
        res.on('end', done);
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
