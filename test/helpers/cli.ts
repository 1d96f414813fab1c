// Runs the owbench CLI from source (through tsx) as a user would, capturing its output.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedData = path.resolve(repoRoot, '../shared/data/ow-mobilenet-hybrid-actions');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: SpawnSyncOptions = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    ...options,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '', ...(options.env ?? {}) },
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
