// The Docker Engine API over its unix socket, with node:http alone: the backend needs a dozen
// calls (create, start, attach, pause, unpause, remove, inspect, list), which a client library
// would wrap in far more code and dependencies than it saves.
import { request, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
/** The API version dockerd 20.10 speaks; newer engines still accept it. */
const API = '/v1.41';

export interface EngineAnswer {
  status: number;
  body: unknown;
}

export class EngineError extends Error {
  constructor(readonly status: number, what: string, detail: string) {
    super(`Docker Engine API ${what}: ${status} ${detail}`.trim());
  }
}

export class DockerEngine {
  constructor(readonly socketPath: string = DEFAULT_DOCKER_SOCKET) {}

  /** One API call; JSON in, JSON (or text) out. Rejects on a transport error or after timeoutMs. */
  call(method: string, path: string, body?: unknown, timeoutMs = 30_000): Promise<EngineAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request({
        socketPath: this.socketPath,
        method,
        path: `${API}${path}`,
        headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      });
      req.on('response', (res) => readAnswer(res).then(resolve, reject));
      req.on('timeout', () => req.destroy(new Error(`Docker Engine API ${method} ${path}: no answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like call, but a status outside `ok` rejects with the engine's message. */
  async expect(method: string, path: string, ok: number[], body?: unknown, timeoutMs?: number): Promise<unknown> {
    const answer = await this.call(method, path, body, timeoutMs);
    if (!ok.includes(answer.status)) throw new EngineError(answer.status, `${method} ${path.split('?')[0]}`, engineMessage(answer.body));
    return answer.body;
  }

  /**
   * The container's stdout and stderr as one multiplexed stream (attach before start misses nothing).
   * The upgrade must come within timeoutMs: an engine that never answers it would otherwise hold the
   * activation, and the pool's shutdown behind it, forever (a CI run once hung there for 120 s).
   */
  attach(id: string, timeoutMs = 30_000): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const req = request({
        socketPath: this.socketPath,
        method: 'POST',
        path: `${API}/containers/${id}/attach?stream=1&stdout=1&stderr=1`,
        headers: { connection: 'Upgrade', upgrade: 'tcp' },
      });
      const timer = setTimeout(() => req.destroy(new Error(`Docker Engine API attach: no answer within ${timeoutMs} ms`)), timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('upgrade', (_res, socket) => {
        clearTimeout(timer);
        resolve(socket);
      });
      req.on('response', (res) => readAnswer(res).then((a) => reject(new EngineError(a.status, 'attach', engineMessage(a.body))), reject));
      req.on('error', reject);
      req.end();
    });
  }
}

function readAnswer(res: IncomingMessage): Promise<EngineAnswer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? null : JSON.parse(text);
      } catch {
        // plain text (e.g. `OK` from /_ping)
      }
      resolve({ status: res.statusCode ?? 0, body });
    });
  });
}

function engineMessage(body: unknown): string {
  if (body !== null && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  return typeof body === 'string' ? body.trim() : '';
}
