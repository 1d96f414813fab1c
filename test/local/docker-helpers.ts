// Shared by the Docker scenario tests: whether Docker is usable here (under CI=true it must be),
// and what the docker CLI, an independent view of the engine, says about our containers.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nativeZip } from '../../src/openwhisk/native-zip.js';
import { buildDir } from './runtimes/helpers.js';

export interface Listed {
  id: string;
  kind: string;
  state: string;
}

/** Skips the suite where Docker is missing; under CI=true a missing Docker fails instead. */
export function requireDocker(context: Mocha.Context, docker: boolean, reason?: string): void {
  if (docker) return;
  if (process.env.CI === 'true') throw new Error(`CI must run the Docker backend, but the server fell back to processes: ${reason}`);
  context.skip();
}

/** Containers the docker CLI lists with our server's label (this process's pid, or another's). */
export function containersOf(pid = process.pid): Listed[] {
  const out = execFileSync('docker', ['ps', '-a', '--filter', `label=owbench.pid=${pid}`, '--format', '{{.ID}}\t{{.Label "owbench.kind"}}\t{{.State}}'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line !== '').map((line) => {
    const [id = '', kind = '', state = ''] = line.split('\t');
    return { id, kind, state };
  });
}

export function inspect(id: string): { HostConfig: Record<string, unknown>; State: Record<string, unknown>; Config: Record<string, unknown>; Mounts: Array<Record<string, unknown>>; NetworkSettings: Record<string, unknown> } {
  return JSON.parse(execFileSync('docker', ['inspect', id], { encoding: 'utf8' }))[0];
}

/** A native action as `wsk action create --native` sends it: a zip holding `exec`. */
export function nativeAction(name: string, memory = 256): Record<string, unknown> {
  const code = nativeZip(readFileSync(join(buildDir, 'native', name))).toString('base64');
  return { exec: { kind: 'blackbox', image: 'openwhisk/dockerskeleton', code, binary: true }, limits: { memory } };
}

/** Host processes whose command line contains `token` (a test's marker). */
export function processesWith(token: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(token) && !line.includes('ps -eo')).map((line) => Number(line.trim().split(/\s+/)[0]));
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
