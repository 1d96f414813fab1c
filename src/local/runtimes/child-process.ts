// A container's process: started in its own process group (so a kill takes any children it forked
// along), with a clean environment (no server secrets, no NODE_EXTRA_CA_CERTS, which triples Node's
// start time), and an exit promise that the runtimes race against every call.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The environment a container starts with: only what a process needs to run, like a fresh image. */
export function containerEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin' };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  return { ...env, ...extra };
}

export class ChildHandle {
  readonly exited: Promise<ChildExit>;
  /** The process exited and its stdio pipes reached their end (all output has been read). */
  readonly closed: Promise<void>;
  private exitInfo: ChildExit | undefined;

  private constructor(readonly child: ChildProcess) {
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
    return new ChildHandle(spawn(file, args, { env, stdio, detached: true, cwd }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** SIGKILL to the whole process group; resolves once the process is reaped. Idempotent. */
  async kill(): Promise<ChildExit> {
    const pid = this.child.pid;
    if (pid !== undefined && !this.hasExited) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    return this.exited;
  }

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
