// Shared pieces of the runtime tests: the test actions on disk, a run context, process liveness.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InitPayload, RunContext } from '../../../src/local/container.js';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const actionsDir = join(repoRoot, 'data', 'actions');
export const buildDir = join(repoRoot, 'build', 'actions');

export function jsAction(name: string, env: Record<string, string> = {}): InitPayload {
  return { name, main: 'main', code: readFileSync(join(actionsDir, 'js', `${name}.js`), 'utf8'), binary: false, env };
}

export function runContext(activationId: string, timeoutMs = 60_000): RunContext {
  return {
    namespace: 'guest',
    actionName: '/guest/test',
    activationId,
    deadline: Date.now() + timeoutMs,
    apiHost: 'http://127.0.0.1:3233',
  };
}

/** True while a process with this id exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Process ids whose parent is `ppid`, read from /proc (Linux), to find orphans and stray children. */
export function childrenOf(ppid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === ppid && fields[0] !== 'Z') pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Builds the C actions (incremental; a no-op when up to date) so the tests run from a clean checkout. */
export function buildCActions(): void {
  execFileSync('make', ['-s', '-C', actionsDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}
