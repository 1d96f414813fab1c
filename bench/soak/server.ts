// The server under soak: `owbench serve` in its own process (so its memory is its own), on a data
// folder the soak owns, with a config file; killed with SIGKILL and restarted on the same folder
// to check that no acknowledged record was lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalWhiskConfig } from '../../src/index.js';
import { repoRoot } from '../local/fixtures.js';

export interface ServeProcess {
  child: ChildProcess;
  apihost: string;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
}

export async function startServe(dataDir: string, configFile: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve', '--port', '0', '--data', dataDir, '--config', configFile], {
    cwd: repoRoot,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const apihost = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`owbench serve printed no banner: ${out}${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /OpenWhisk API on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!), clearTimeout(timer);
    });
    child.once('exit', (code) => reject(new Error(`owbench serve exited ${code}: ${err}`)));
  });
  return { child, apihost, stderr: () => err };
}

/** The server process's resident set size in MB (VmRSS), 0 once it is gone. */
export function rssMb(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export type { LocalWhiskConfig };
