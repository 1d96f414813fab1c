// Through the embedded server, with the `openwhisk` client as a user would call it:
// warm invocation latency against a bare HTTP round trip on loopback (same client library shape:
// a JSON POST answered with a small JSON body), and sustained no-op invocations per second.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import openwhisk from 'openwhisk';
import { startLocalWhisk } from '../../src/index.js';
import { kinds, nativeDir, noopExec, type Kind } from './fixtures.js';
import { summarize, timed, type Summary } from './stats.js';

export interface WarmFigures {
  kind: Kind;
  /** Blocking invoke with result=true of a warm no-op, client-side. */
  invoke: Summary;
  /** The same client-side time for a bare loopback HTTP POST. */
  bareHttp: Summary;
  overheadMs: number;
  ratio: number;
}

export interface ThroughputFigures {
  kind: Kind;
  concurrency: number;
  seconds: number;
  invocations: number;
  perSecond: number;
}

type Client = ReturnType<typeof openwhisk>;

function bareServer(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function barePost(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end('{}');
  });
}

async function invokeNoop(ow: Client, name: string): Promise<void> {
  const result = (await ow.actions.invoke({ name, blocking: true, result: true })) as Record<string, unknown>;
  if (result.error !== undefined) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
}

export async function measureThroughServer(repetitions: number, seconds: number, concurrencies: number[]): Promise<{ warm: WarmFigures[]; throughput: ThroughputFigures[] }> {
  const whisk = await startLocalWhisk({ config: { blackbox: { images: {}, folder: nativeDir } } });
  const ow = openwhisk({ apihost: whisk.apihost, api_key: whisk.auth, ignore_certs: true });
  const bare = await bareServer();
  const barePort = (bare.address() as AddressInfo).port;
  const warm: WarmFigures[] = [];
  const throughput: ThroughputFigures[] = [];
  try {
    for (const kind of kinds) {
      const name = `noop-${kind.replace(/[^a-z0-9]/g, '')}`;
      await ow.actions.create({ name, action: { exec: noopExec(kind), limits: { memory: 128 } } as never });
      for (let i = 0; i < 5; i += 1) await invokeNoop(ow, name); // cold start, then warm
      const invoke: number[] = [];
      const http: number[] = [];
      for (let i = 0; i < repetitions; i += 1) {
        invoke.push((await timed(() => invokeNoop(ow, name)))[0]);
        http.push((await timed(() => barePost(barePort)))[0]);
      }
      const invokeSummary = summarize(invoke);
      const httpSummary = summarize(http);
      warm.push({ kind, invoke: invokeSummary, bareHttp: httpSummary, overheadMs: invokeSummary.median - httpSummary.median, ratio: invokeSummary.median / httpSummary.median });
      for (const concurrency of concurrencies) {
        // bring up `concurrency` warm containers first: the figure is the warm rate, not cold starts
        for (let round = 0; round < 3; round += 1) await Promise.all(Array.from({ length: concurrency }, () => invokeNoop(ow, name)));
        const until = performance.now() + seconds * 1000;
        let count = 0;
        const began = performance.now();
        await Promise.all(Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            await invokeNoop(ow, name);
            count += 1;
          }
        }));
        const elapsed = (performance.now() - began) / 1000;
        throughput.push({ kind, concurrency, seconds: elapsed, invocations: count, perSecond: count / elapsed });
      }
    }
  } finally {
    bare.close();
    await whisk.close();
  }
  return { warm, throughput };
}
