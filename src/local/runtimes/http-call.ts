// One JSON POST to a container's proxy over loopback, with a kept-alive connection per container.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  statusCode: number;
  text: string;
}

export function proxyAgent(): Agent {
  return new Agent({ keepAlive: true });
}

export function postJson(agent: Agent, port: number, path: string, body: unknown): Promise<HttpAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The proxy's body as an object; anything else becomes OpenWhisk's "not a valid JSON" error. */
export function parseAnswerBody(text: string, invalid: (text: string) => string): { ok: boolean; body: Record<string, unknown> } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') return { ok: true, body: parsed as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { ok: false, body: { error: invalid(text) } };
}
