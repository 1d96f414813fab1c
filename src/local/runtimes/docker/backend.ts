// The Docker backend of one server instance: the engine, the instance's label and folder, the
// reaper that cleans up after it, and the removal of what crashed instances left.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateScript } from '../locate-script.js';
import { DockerEngine, DEFAULT_DOCKER_SOCKET } from './engine.js';
import { ACTIONLOOP_IMAGE, NODEJS_IMAGE } from './images.js';
import { message } from '../messages.js';

export const INSTANCE_LABEL = 'owbench.instance';
export const PID_LABEL = 'owbench.pid';

export interface Unavailable {
  reason: string;
}

export class DockerBackend {
  readonly engine: DockerEngine;
  private constructor(readonly instance: string, readonly folder: string, readonly socketPath: string) {
    this.engine = new DockerEngine(socketPath);
  }

  /** Connects when an engine answers and the images are built; otherwise says why not. */
  static async connect(socketPath = DEFAULT_DOCKER_SOCKET, reaper: Reaper): Promise<DockerBackend | Unavailable> {
    const engine = new DockerEngine(socketPath);
    try {
      const ping = await engine.call('GET', '/_ping', undefined, 2_000);
      if (ping.status !== 200) return { reason: message.engineAnswered(socketPath, ping.status) };
    } catch (error) {
      return { reason: message.noEngine(socketPath, (error as NodeJS.ErrnoException).code ?? (error as Error).message) };
    }
    for (const image of [ACTIONLOOP_IMAGE, NODEJS_IMAGE]) {
      const found = await engine.call('GET', `/images/${image}/json`);
      if (found.status !== 200) return { reason: message.imageNotBuilt(image) };
    }
    await removeLeftovers(engine).catch(() => undefined); // best effort: a leftover never blocks a start
    return new DockerBackend(reaper.instance, reaper.folder, socketPath);
  }

  labels(kind: string, id: string): Record<string, string> {
    return { [INSTANCE_LABEL]: this.instance, [PID_LABEL]: String(process.pid), 'owbench.kind': kind, 'owbench.container': id };
  }
}

/** Removes containers whose server process is gone (a crash the reaper could not clean up after). */
async function removeLeftovers(engine: DockerEngine): Promise<void> {
  const filters = encodeURIComponent(JSON.stringify({ label: [INSTANCE_LABEL] }));
  const listed = (await engine.expect('GET', `/containers/json?all=1&filters=${filters}`, [200])) as Array<{ Id: string; Labels?: Record<string, string> }>;
  const orphans = listed.filter((c) => !isAlive(Number(c.Labels?.[PID_LABEL])));
  await Promise.all(orphans.map((c) => engine.call('DELETE', `/containers/${c.Id}?force=1&v=1`)));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server's reaper process (reaper.ts) and the instance name it watches. */
export class Reaper {
  readonly instance = randomBytes(6).toString('hex');
  /** The instance's folder: the containers' socket folders, removed with it. */
  readonly folder = mkdtempSync(join(tmpdir(), 'owbench-'));
  private child: ChildProcess | undefined;

  /** Starts the reaper; from then on, nothing of this instance outlives the server. */
  async start(dockerSocket: string | undefined): Promise<void> {
    const script = await locateScript('docker/reaper');
    const child = spawn(process.execPath, [script, dockerSocket ?? '', this.instance, this.folder], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    child.unref();
    child.stdin?.on('error', () => undefined);
    (child.stdin as unknown as { unref(): void }).unref();
    this.child = child;
  }

  /** Ends the reaper's pipe: it removes whatever is left and exits. */
  stop(): void {
    this.child?.stdin?.end();
    this.child = undefined;
    rmSync(this.folder, { recursive: true, force: true });
  }
}
