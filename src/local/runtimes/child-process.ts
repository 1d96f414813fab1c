// A container's process: started in its own process group (so a kill takes any children it forked
// along), with a clean environment (no server secrets, no NODE_EXTRA_CA_CERTS, which triples Node's
// start time), and an exit promise that the runtimes race against every call.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

let containerSequence = 0;

/**
 * The environment a container starts with: only what a process needs to run, like a fresh image,
 * plus markers naming the server instance and the container, inherited by every descendant (a
 * setsid child leaves the process group, not its environment), so destroy and the reaper find them.
 */
export function containerEnv(extra: Record<string, string> = {}, instance?: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  containerSequence += 1;
  const markers: Record<string, string> = { OWBENCH_CONTAINER: `${process.pid}-${containerSequence}` };
  if (instance !== undefined) markers.OWBENCH_INSTANCE = instance;
  return { ...env, ...extra, ...markers };
}

/** setpriv, to give a container's process a parent-death signal (it dies with a SIGKILLed server). */
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

/** SIGKILLs every process whose environment carries `marker` (KEY=value). */
export function killMarked(marker: string): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone, or not ours
    }
  }
}

export class ChildHandle {
  readonly exited: Promise<ChildExit>;
  /** The process exited and its stdio pipes reached their end (all output has been read). */
  readonly closed: Promise<void>;
  private exitInfo: ChildExit | undefined;

  private constructor(readonly child: ChildProcess, private readonly marker: string | undefined) {
    this.closed = new Promise((resolve) => child.once('close', () => resolve()));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
      child.once('error', () => {
        // spawn failure (ENOENT, EACCES): no exit event follows
        if (child.pid === undefined) {
          this.exitInfo = { code: null, signal: null };
          resolve(this.exitInfo);
        }
      });
    });
  }

  static spawn(file: string, args: string[], env: Record<string, string>, stdio: StdioOptions, cwd?: string): ChildHandle {
    const [command, argv] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', file, ...args]] : [file, args];
    const marker = env.OWBENCH_CONTAINER !== undefined ? `OWBENCH_CONTAINER=${env.OWBENCH_CONTAINER}` : undefined;
    return new ChildHandle(spawn(command, argv, { env, stdio, detached: true, cwd }), marker);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** SIGKILL to the whole process group and every marked descendant; resolves once reaped. Idempotent. */
  async kill(): Promise<ChildExit> {
    const pid = this.child.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        if (!this.hasExited) this.child.kill('SIGKILL');
      }
    }
    if (this.marker !== undefined && !this.swept) {
      this.swept = true;
      killMarked(this.marker);
    }
    return this.exited;
  }

  private swept = false;

  /** After an exit: waits (briefly) until the last output is read, so logs and OOM messages are complete. */
  async outputRead(maxMs = 200): Promise<void> {
    await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, maxMs))]);
  }
}

/** Resolves after `ms`, with a handle to cancel; used to race calls against their time limit. */
export function deadlineTimer(ms: number): { fired: Promise<'timeout'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const fired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { fired, cancel: () => clearTimeout(timer) };
}
