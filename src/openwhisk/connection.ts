// Where to run: connection settings in the order a `wsk` user expects. Each setting comes from the
// first place that has it: command-line flags, then __OW_API_HOST / __OW_API_KEY / __OW_NAMESPACE,
// then the wskprops file ($WSK_CONFIG_FILE, else ~/.wskprops); the command line's key is --auth-file
// (or --auth, warned about: see src/cli/auth.ts). With no host and no key anywhere,
// the caller starts the embedded OpenWhisk. The key is carried, never printed.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';

export interface ConnectionFlags {
  apihost?: string;
  auth?: string;
  namespace?: string;
}

export interface ResolvedFlags extends ConnectionFlags {
  /** Where the command line's key came from ("--auth-file FILE", "command line"). */
  authFrom?: string;
}

export interface Connection {
  /** Always with a scheme: the openwhisk client assumes https for a bare host. */
  apihost: string;
  auth: string;
  namespace: string;
  /** Where each setting came from, for the message the CLI prints (never the values of secrets). */
  from: { apihost: string; auth: string; namespace: string };
}

export interface ResolveInputs {
  flags?: ResolvedFlags;
  env?: NodeJS.ProcessEnv;
  /** Defaults to os.homedir(); tests pass a temporary HOME. */
  home?: string;
}

/** The resolved connection, or null when nothing is configured (start the embedded OpenWhisk). */
export function resolveConnection(inputs: ResolveInputs = {}): Connection | null {
  const flags = inputs.flags ?? {};
  const env = inputs.env ?? process.env;
  const propsFile = env.WSK_CONFIG_FILE || path.join(inputs.home ?? env.HOME ?? os.homedir(), '.wskprops');
  const props = readWskprops(propsFile);
  const layers: [string, ConnectionFlags][] = [
    ['command line', { apihost: flags.apihost, namespace: flags.namespace }],
    [flags.authFrom ?? 'command line', { auth: flags.auth }],
    ['environment', { apihost: env.__OW_API_HOST, auth: env.__OW_API_KEY, namespace: env.__OW_NAMESPACE }],
    [propsFile, { apihost: props.APIHOST, auth: props.AUTH, namespace: props.NAMESPACE }],
  ];
  const pick = (key: keyof ConnectionFlags): [string | undefined, string] => {
    for (const [where, layer] of layers) {
      const value = layer[key];
      if (value !== undefined && value !== '') return [value, where];
    }
    return [undefined, 'default'];
  };
  const [apihost, apihostFrom] = pick('apihost');
  const [auth, authFrom] = pick('auth');
  const [namespace, namespaceFrom] = pick('namespace');
  if (apihost === undefined && auth === undefined) return null;
  if (apihost === undefined) throw new UsageError(`an auth key is set (${authFrom}) but no API host: give --apihost, __OW_API_HOST or APIHOST`);
  if (auth === undefined) throw new UsageError(`an API host is set (${apihostFrom}) but no auth key: give --auth-file, __OW_API_KEY or AUTH`);
  if (!/^[^:\s]+:\S+$/.test(auth)) throw new UsageError(`the auth key (${authFrom}) is not of the form UUID:KEY`);
  return {
    apihost: withScheme(apihost),
    auth,
    namespace: namespace ?? '_',
    from: { apihost: apihostFrom, auth: authFrom, namespace: namespaceFrom },
  };
}

/** `wsk` accepts a bare host and means https; the openwhisk client does the same. */
export function withScheme(apihost: string): string {
  const trimmed = apihost.replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** AUTH from the wskprops file ($WSK_CONFIG_FILE, else ~/.wskprops), with the file's name. */
export function wskpropsKey(env: NodeJS.ProcessEnv = process.env, home?: string): { key: string; from: string } | undefined {
  const file = env.WSK_CONFIG_FILE || path.join(home ?? env.HOME ?? os.homedir(), '.wskprops');
  const key = readWskprops(file).AUTH;
  return key ? { key, from: file } : undefined;
}

/** KEY=VALUE lines as client-go reads them; a missing file is an empty one. */
export function parseWskprops(text: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    props[trimmed.slice(0, equals).trim()] = trimmed.slice(equals + 1).trim();
  }
  return props;
}

function readWskprops(file: string): Record<string, string> {
  try {
    return parseWskprops(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}
