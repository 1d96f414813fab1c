// Runs the owbench CLI from source (through tsx) as a user would, capturing its output.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The peer's data folder (see test/helpers/peer.ts: OWBENCH_PEER_DATA); tests that read it call needPeerData() first. */
export { peerData as sharedData, needPeerData, hasPeerData, peerLazy } from './peer.js';

/** tsx by its resolved URL, so the CLI runs from any working folder (a bare `tsx` resolves from the cwd). */
const tsx = import.meta.resolve('tsx');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: SpawnSyncOptions = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', tsx, path.join(repoRoot, 'src/cli.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    ...options,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '', ...(options.env ?? {}) },
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** runCli without blocking the event loop: for tests whose embedded server runs in this process. */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsx, path.join(repoRoot, 'src/cli.ts'), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '', ...(options.env ?? {}) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}
