// Shared fixtures for the driver's tests: temp folders, experiment files, a non-default key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
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
