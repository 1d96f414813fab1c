// `owbench serve`: runs the embedded OpenWhisk until SIGINT/SIGTERM, then destroys its containers.
import type { Command } from 'commander';
import { InputError, UsageError } from '../errors.js';
import { DockerUnavailable } from '../local/runtimes/isolation.js';
import { wskpropsKey } from '../openwhisk/connection.js';
import { commandLineKey } from './auth.js';
import { loadConfigFile, resolveConfig } from '../local/config.js';
import { GUEST_KEY, isWellFormedAuth } from '../local/http/auth.js';
import { startLocalWhisk, type LocalWhisk } from '../local/server.js';

interface ServeOptions {
  port: string;
  host: string;
  auth?: string;
  authFile?: string;
  config?: string;
  data?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run an OpenWhisk-compatible server on this machine: actions in Docker containers (processes where no Docker engine answers), wasm:0.1 in worker threads.')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3233')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--auth-file <file>', "a file holding the key clients must send, UUID:KEY (else __OW_API_KEY, else AUTH in ~/.wskprops, else OpenWhisk's well-known local guest key)")
    .option('--auth <uuid:key>', 'the key on the command line: visible in the process list (and to actions), so warned about; prefer --auth-file')
    .option('--config <file>', 'JSON file: pool size, pause/idle timeouts, stem cells, throttles, blackbox images, isolation, faults, store, http timeouts')
    .option('--data <dir>', 'data folder: activation records are kept there and served again after a restart (default: a temporary folder, removed on stop)')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(`--port: expected 0..65535, got '${options.port}'`);
      if (options.auth !== undefined && !isWellFormedAuth(options.auth)) {
        throw new UsageError('--auth: expected UUID:KEY');
      }
      const key = serveKey(options);
      if (key && !isWellFormedAuth(key.key)) throw new UsageError(`the auth key (${key.from}) is not of the form UUID:KEY`);
      const loaded = options.config ? await loadConfigFile(options.config) : resolveConfig({});
      const config = options.data !== undefined ? { ...loaded, store: { ...loaded.store, dir: options.data } } : loaded;
      const whisk = await startLocalWhisk({ port, host: options.host, config, ...(key ? { auth: key.key } : {}) }).catch((error: unknown) => {
        // the config's isolation asks for Docker where there is none: name the file and the field
        if (error instanceof DockerUnavailable && options.config) throw new InputError(options.config, 'isolation', error.message);
        throw error;
      });
      process.stdout.write(banner(whisk, config.store.dir));
      await untilSignal(whisk);
    });
}

/** The server's key: the command line's, else __OW_API_KEY, else AUTH in ~/.wskprops; none means the guest key. */
function serveKey(options: ServeOptions): { key: string; from: string } | undefined {
  const given = commandLineKey(options);
  if (given) return given;
  if (process.env.__OW_API_KEY) return { key: process.env.__OW_API_KEY, from: '__OW_API_KEY' };
  return wskpropsKey();
}

function banner(whisk: LocalWhisk, dataOption: string | undefined): string {
  // The key is shown only when it is the public guest key; a key the user chose never is.
  const key = whisk.auth === GUEST_KEY ? whisk.auth : '(the key you gave)';
  const note = whisk.auth === GUEST_KEY ? "  # OpenWhisk's well-known local guest key, the default only" : '';
  return [
    `owbench: OpenWhisk API on ${whisk.apihost} (namespace ${whisk.namespace})`,
    `owbench: activation records in ${whisk.dataDir}${whisk.dataDir === dataOption ? '' : ' (temporary: --data DIR keeps them)'}`,
    isolationLine(whisk),
    '',
    'Point wsk at it:',
    `  wsk property set --apihost ${whisk.apihost} --auth ${key}${note}`,
    '',
    'Point the openwhisk npm client at it:',
    `  export __OW_API_HOST=${whisk.apihost}`,
    `  export __OW_API_KEY=${key}`,
    `  # or openwhisk({apihost: '${whisk.apihost}', api_key: ...}); keep the http:// scheme`,
    '',
    'Stop with Ctrl-C (SIGINT) or SIGTERM.',
    '',
  ].join('\n');
}

/** Says how actions run: in Docker, or as processes and why (never silently). */
function isolationLine(whisk: LocalWhisk): string {
  const kinds = Object.entries(whisk.isolation.kinds).map(([kind, how]) => `${kind} ${how}`).join(', ');
  if (whisk.isolation.docker) return `owbench: actions run in Docker containers (${kinds})`;
  return `owbench: Docker not used (${whisk.isolation.reason}); actions run as processes (${kinds})`;
}

function untilSignal(whisk: LocalWhisk): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`owbench: ${signal}: stopping, removing containers\n`);
      whisk.close().then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
