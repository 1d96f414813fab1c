// What the benchmark runs: the no-op action of each kind, as init payloads and as
// `openwhisk` client action definitions, and the server options that find the native build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InitPayload } from '../../src/local/container.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const nativeDir = join(repoRoot, 'build', 'actions', 'native');
export const wasmDir = join(repoRoot, 'build', 'actions', 'wasm');
export const kinds = ['nodejs:20', 'blackbox', 'wasm:0.1'] as const;
export type Kind = (typeof kinds)[number];

export function buildActions(): void {
  execFileSync('make', ['-s', '-C', join(repoRoot, 'data', 'actions')], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const nodeNoop = readFileSync(join(repoRoot, 'data', 'actions', 'js', 'noop.js'), 'utf8');

export function noopPayload(kind: Kind): InitPayload {
  if (kind === 'nodejs:20') return { name: 'noop', main: 'main', code: nodeNoop, binary: false, env: {} };
  if (kind === 'blackbox') return { name: 'noop', main: 'main', code: '', binary: false, image: 'noop', env: {} };
  return { name: 'noop', main: 'main', code: readFileSync(join(wasmDir, 'noop.wasm')).toString('base64'), binary: true, env: {} };
}

/** The `exec` of the no-op action as the REST API takes it. */
export function noopExec(kind: Kind): Record<string, unknown> {
  const payload = noopPayload(kind);
  if (kind === 'blackbox') return { kind, image: 'noop' };
  return { kind, code: payload.code, binary: payload.binary };
}

/** The environment a fair floor process gets: the containers' own (no NODE_EXTRA_CA_CERTS). */
export function cleanEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin' };
}
