// The action proxy of the nodejs:20 runtime, run as its own Node process per container. It speaks
// the protocol of apache/openwhisk-runtime-nodejs (service.js): POST /init once with the code, then
// POST /run with `{value, namespace, action_name, activation_id, deadline, ...}`, each run's extra
// keys exported as `__OW_<KEY>`. It listens on the unix socket OW_PROXY_SOCKET (in Docker, in the
// folder the server bind-mounts at /ow); as a process container (OW_PROXY_PARENT=fd3) it says so
// on fd 3. Self-contained (only node: imports): it is also transpiled alone when run from src,
// and copied alone into the image.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { chmodSync, createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Zipped actions: ./zip-action.ts, whose runnable path the container passes as argv[3]. */
async function loadZip(code: string, entry: string): Promise<Main> {
  const script = process.argv[3];
  if (!script) throw new Error('zipped actions need the zip loader script');
  const { loadZippedAction } = (await import(pathToFileURL(script).href)) as { loadZippedAction: (c: string, e: string, base: string) => Main };
  return loadZippedAction(code, entry, requireBase);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

async function init(body: Record<string, unknown>): Promise<[number, unknown]> {
  if (main) return [403, { error: 'Cannot initialize the action more than once.' }];
  const value = (body.value ?? {}) as Record<string, unknown>;
  if (typeof value.code !== 'string' || value.code === '') return [403, { error: 'Missing main/no code to execute.' }];
  for (const [key, val] of Object.entries((value.env ?? {}) as Record<string, unknown>)) {
    process.env[key] = typeof val === 'string' ? val : JSON.stringify(val);
  }
  try {
    const entry = typeof value.main === 'string' && value.main !== '' ? value.main : 'main';
    main = value.binary === true ? await loadZip(value.code, entry) : load(value.code, entry);
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

// It listens on a unix socket in a folder only the server may open (no TCP port anyone could call).
const socketPath = process.env.OW_PROXY_SOCKET ?? '/ow/proxy.sock';
const parentPipe = process.env.OW_PROXY_PARENT === 'fd3';
delete process.env.OW_PROXY_SOCKET;
delete process.env.OW_PROXY_PARENT;
rmSync(socketPath, { force: true });
server.listen(socketPath, () => {
  chmodSync(socketPath, 0o666); // the folder (0700, the server's) is what keeps others out
  if (parentPipe) createWriteStream('', { fd: 3 }).write(`${JSON.stringify({ listening: socketPath })}\n`);
});

if (parentPipe) {
  // A process container: the parent holds our stdin; when it goes away (even killed), we go too.
  // (In Docker we are PID 1 and the container's removal ends us.)
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
