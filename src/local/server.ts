// startLocalWhisk: the embedded OpenWhisk-compatible server (controller API + invoker + pool) on
// node:http, listening on loopback by default with OpenWhisk's local guest key.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WhiskContext } from './api/context.js';
import { newEntityStores } from './api/entities.js';
import { installCatalog } from './catalog/system.js';
import { resolveConfig, type LocalWhiskConfig, type ResolvedConfig } from './config.js';
import type { ContainerFactory } from './container.js';
import type { IsolationChoice, Runtimes } from './runtimes/isolation.js';
import { FaultPlan } from './faults.js';
import { GUEST_KEY, GUEST_NAMESPACE, isWellFormedAuth } from './http/auth.js';
import { setBodyDeadline } from './http/body.js';
import { bareExchange, HttpError, newExchange, sendError, type Exchange } from './http/exchange.js';
import { internalErrorLine } from './http/log.js';
import { route } from './http/router.js';
import { ContainerPool, type PoolStats } from './invoker/pool.js';
import type { StemCellStats } from './invoker/stem-cells.js';
import { Invoker } from './invoker/invoker.js';
import { messages } from './messages.js';
import { ActionStore } from './store/actions.js';
import { ActivationStore, activationsDir } from './store/activations.js';
import { openDataFolder, type DataFolder } from './store/data-folder.js';
import { Throttle } from './throttle.js';

export interface LocalWhiskOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** `uuid:key`; default OpenWhisk's well-known local guest key. */
  auth?: string;
  /** The namespace the key owns (default `guest`). */
  namespace?: string;
  config?: LocalWhiskConfig | ResolvedConfig;
  /** Replaces the real runtimes (the pool's own unit tests use a tiny in-process one). */
  containerFactory?: ContainerFactory;
}

export interface LocalWhisk {
  /** `http://host:port`, ready for the `openwhisk` client's `apihost`. */
  apihost: string;
  auth: string;
  namespace: string;
  /** The pool's state now (containers, busy, paused, MB in use, queued requests). */
  poolStats(): PoolStats;
  /** How actions are isolated (Docker or processes, and why), as `GET /` reports it. */
  isolation: IsolationChoice;
  /** The prewarmed stem cells per manifest entry (ready, starting, taken so far). */
  stemCells(): StemCellStats[];
  /** The data folder (a temporary one, removed by close(), unless the config names one). */
  dataDir: string;
  /** Stops listening, ends open connections and destroys every container; resolves when all are gone. */
  close(): Promise<void>;
}

export async function startLocalWhisk(options: LocalWhiskOptions = {}): Promise<LocalWhisk> {
  const auth = options.auth ?? GUEST_KEY;
  if (!isWellFormedAuth(auth)) throw new Error('auth must have the form UUID:KEY');
  const namespace = options.namespace ?? GUEST_NAMESPACE;
  const host = options.host ?? '127.0.0.1';
  const config = resolveConfig(options.config ?? {});
  const runtimes: Runtimes = options.containerFactory ? customRuntimes(options.containerFactory) : await realRuntimes(config);
  const factory = runtimes.factory;

  const faults = new FaultPlan(config.faults);
  const folder = openDataFolder(config.store.dir);
  let activations: ActivationStore;
  try {
    activations = new ActivationStore({ ...config.store, dir: activationsDir(folder.dir), lagMs: () => faults.storeLagMs });
  } catch (error) {
    folder.release();
    throw error;
  }
  const pool = new ContainerPool(factory, config);
  const server = createServer({
    // Slow clients are cut off (issue 15): headers, then the whole request, checked this often.
    headersTimeout: config.http.headersTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    connectionsCheckingInterval: config.http.checkIntervalMs,
  });
  const apihostHolder = { value: '' };
  const invoker = new Invoker(pool, faults, {
    namespace,
    subject: namespace,
    get apiHost() {
      return apihostHolder.value;
    },
    blackbox: config.blackbox,
    isolationOf: (kind) => runtimes.isolation.kinds[kind],
    apiKey: auth,
  });
  const ctx: WhiskContext = {
    auth,
    namespace,
    config,
    actions: new ActionStore(namespace),
    activations,
    invoker,
    throttle: new Throttle(config.throttle),
    faults,
    running: new Set(),
    apiHost: () => apihostHolder.value,
    ...newEntityStores(namespace),
    isolation: runtimes.isolation,
  };
  installCatalog(ctx);
  server.on('request', (req, res) => {
    // Everything about a request, parsing its target included, runs inside this boundary: no
    // request may take the server down (issue 15).
    let ex: Exchange | undefined;
    try {
      ex = newExchange(req, res);
      setBodyDeadline(req, ex.receivedAt + config.http.bodyTimeoutMs);
      route(ctx, ex).catch((error: unknown) => answerError(ex!, error));
    } catch (error) {
      answerError(ex ?? bareExchange(req, res), error);
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // Unparseable request lines and headers: 400; headers or a request that did not arrive in
    // time (node:http's headersTimeout/requestTimeout): 408. Then close, as any HTTP server does.
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  try {
    await pool.prewarm(); // stem cells exist before the first request, as an invoker prewarms at start
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    await pool.close();
    activations.close();
    folder.release();
    runtimes.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  apihostHolder.value = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    apihost: apihostHolder.value,
    auth,
    namespace,
    isolation: runtimes.isolation,
    poolStats: () => pool.stats(),
    stemCells: () => pool.stemCellStats(),
    dataDir: folder.dir,
    close: () => (closing ??= shutdown(server, pool, ctx, folder).finally(() => runtimes.close())),
  };
}

async function shutdown(server: Server, pool: ContainerPool, ctx: WhiskContext, folder: DataFolder): Promise<void> {
  ctx.alarms.stop();
  const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await pool.close();
  // Activations cut short by the destroyed containers settle quickly; do not hang on a stuck one.
  await Promise.race([Promise.allSettled([...ctx.running]), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  await stopped;
  ctx.activations.close();
  folder.release();
}

function answerError(ex: Exchange, error: unknown): void {
  if (error instanceof HttpError) return sendError(ex, error.status, error.message, error.headers);
  if (ex.res.destroyed) return; // the client is gone (or the server stopping): nobody to answer
  process.stderr.write(internalErrorLine(ex, error));
  sendError(ex, 500, messages.internalServerError);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function realRuntimes(config: ResolvedConfig): Promise<Runtimes> {
  const { startIsolation } = await import('./runtimes/isolation.js');
  return startIsolation(config.isolation, {
    blackboxImages: config.blackbox.images,
    ...(config.blackbox.folder !== undefined ? { blackboxFolder: config.blackbox.folder } : {}),
    wasmEnvelope: config.wasm.envelope,
  }, config.dockerSocket);
}

/** A replacement factory (the pool's unit tests): its containers report their own isolation, if any. */
function customRuntimes(factory: ContainerFactory): Runtimes {
  return { factory, isolation: { docker: false, reason: 'a custom container factory', kinds: {} }, close: () => undefined };
}
