// The action proxy of the nodejs:20 runtime, run as its own Node process per container. It speaks
// the protocol of apache/openwhisk-runtime-nodejs (service.js): POST /init once with the code, then
// POST /run with `{value, namespace, action_name, activation_id, deadline, ...}`, each run's extra
// keys exported as `__OW_<KEY>`. As a process container it listens on an ephemeral loopback port
// and tells its parent the port on fd 3; in the Docker image (OW_PROXY_SOCKET set) it listens on
// that unix socket in the folder the server bind-mounts. Self-contained (only node: imports): it
// is also transpiled alone when run from src, and copied alone into the image.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { chmodSync, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';

const SENTINEL = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';
type Main = (params: unknown) => unknown;

const requireBase = process.argv[2] ?? process.cwd();
let main: Main | undefined;

function writeMarkers(): void {
  process.stdout.write(`${SENTINEL}\n`);
  process.stderr.write(`${SENTINEL}\n`);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Evaluates the action like the real runner: a plain script whose `main` (or exports.main) is the entry. */
function load(code: string, entry: string): Main {
  if (!/^[A-Za-z_$][\w$]*$/.test(entry)) throw new Error(`invalid main name '${entry}'`);
  const module = { exports: {} as Record<string, unknown> };
  const require = createRequire(join(requireBase, 'action.js'));
  const factory = new Function('exports', 'require', 'module', '__filename', '__dirname',
    `${code}\n;return typeof ${entry} === 'function' ? ${entry} : undefined;`);
  const local = factory(module.exports, require, module, 'action.js', requireBase) as Main | undefined;
  const exported = module.exports[entry] ?? (entry === 'main' && typeof module.exports === 'function' ? module.exports : undefined);
  const found = local ?? exported;
  if (typeof found !== 'function') throw new Error(`Action entrypoint '${entry}' is not a function.`);
  return found as Main;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

function init(body: Record<string, unknown>): [number, unknown] {
  if (main) return [403, { error: 'Cannot initialize the action more than once.' }];
  const value = (body.value ?? {}) as Record<string, unknown>;
  if (typeof value.code !== 'string' || value.code === '') return [403, { error: 'Missing main/no code to execute.' }];
  if (value.binary === true) return [502, { error: 'Initialization has failed due to: zipped actions are not supported by this runtime.' }];
  for (const [key, val] of Object.entries((value.env ?? {}) as Record<string, unknown>)) {
    process.env[key] = typeof val === 'string' ? val : JSON.stringify(val);
  }
  try {
    main = load(value.code, typeof value.main === 'string' && value.main !== '' ? value.main : 'main');
    return [200, { OK: true }];
  } catch (error) {
    return [502, { error: `Initialization has failed due to: ${describe(error)}` }];
  }
}

async function run(body: Record<string, unknown>): Promise<[number, unknown]> {
  if (!main) return [403, { error: 'System not initialized.' }];
  for (const [key, val] of Object.entries(body)) {
    if (key !== 'value' && typeof val === 'string') process.env[`__OW_${key.toUpperCase()}`] = val;
  }
  let result: unknown;
  try {
    result = main(body.value ?? {});
  } catch (error) {
    return [502, { error: `An error has occurred: ${describe(error)}` }];
  }
  if (result !== null && typeof result === 'object' && typeof (result as PromiseLike<unknown>).then === 'function') {
    // a rejected promise is an application error carrying the rejection, as in the real runner
    try {
      result = await result;
    } catch (rejection) {
      result = { error: rejection instanceof Error ? describe(rejection) : (rejection ?? {}) };
    }
  }
  if (result === undefined || result === null) result = {};
  if (typeof result !== 'object') return [502, { error: 'The action did not return a dictionary.' }];
  return [200, result];
}

const server = createServer((req, res) => {
  readJson(req)
    .then(async (body) => {
      if (req.method === 'POST' && req.url === '/init') return init(body);
      if (req.method === 'POST' && req.url === '/run') return run(body);
      return [404, { error: 'Not found.' }] as [number, unknown];
    })
    .catch((error: unknown): [number, unknown] => [400, { error: `Invalid request: ${describe(error)}` }])
    .then(([status, answer]) => {
      writeMarkers();
      reply(res, status, answer);
    });
});

const socketPath = process.env.OW_PROXY_SOCKET;
if (socketPath !== undefined) {
  // PID 1 of a container: the container's removal ends it. The folder (0700) keeps others out.
  delete process.env.OW_PROXY_SOCKET;
  rmSync(socketPath, { force: true });
  server.listen(socketPath, () => chmodSync(socketPath, 0o666));
} else {
  // The parent holds our stdin; when it goes away (even killed), we go too: no orphan proxies.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();

  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const control = createWriteStream('', { fd: 3 });
    control.write(`${JSON.stringify({ port })}\n`);
  });
}
