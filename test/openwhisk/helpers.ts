// Shared fixtures for the driver's tests: temp folders, experiment files, a non-default key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import openwhisk from 'openwhisk';
import type { LocalWhisk } from '../../src/local/server.js';
import type { Connection } from '../../src/openwhisk/connection.js';
import { repoRoot } from '../helpers/cli.js';

export const actionsJs = path.join(repoRoot, 'data/actions/js');
export const nativeActions = path.join(repoRoot, 'build/actions/native');
export const wasmActions = path.join(repoRoot, 'build/actions/wasm');

export function tempDir(prefix = 'owbench-run-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A key nobody else uses, so a test can search every output for it. */
export function secretKey(): string {
  return `${randomUUID()}:${randomBytes(40).toString('base64url')}`;
}

export function writeExperiment(folder: string, spec: Record<string, unknown>, name = 'experiment.json'): string {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(spec, null, 2));
  return file;
}

/** How many activations the server holds: the check that nothing ran twice. */
export async function serverActivationCount(server: LocalWhisk): Promise<number> {
  const client = openwhisk({ apihost: server.apihost, api_key: server.auth });
  const answer = (await client.activations.list({ count: true } as never)) as unknown as { activations: number };
  return answer.activations;
}

export function connectionOf(server: LocalWhisk): Connection {
  return { apihost: server.apihost, auth: server.auth, namespace: '_', from: { apihost: 'test', auth: 'test', namespace: 'test' } };
}
