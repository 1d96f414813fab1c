// How the server isolates actions, decided once at start: Docker when an engine answers and the
// images are built (or when the config insists), else processes, and why. The choice is reported
// at start, in `GET /` and in every activation's `isolation` annotation; nothing mixes the two.
import type { ContainerFactory, Isolation } from '../container.js';
import { DockerBackend, Reaper } from './docker/backend.js';
import { DEFAULT_DOCKER_SOCKET } from './docker/engine.js';
import { createRuntimeFactory, isolationOf, runtimeKinds } from './index.js';
import type { RuntimeOptions } from './options.js';
import { CliError } from '../../errors.js';
import { message } from './messages.js';

export type IsolationMode = 'auto' | 'docker' | 'process';

/** `isolation: "docker"` where Docker cannot be used: the user's setup, not a bug (exit 2, no stack). */
export class DockerUnavailable extends CliError {
  constructor(text: string) {
    super(text, 2);
    this.name = 'DockerUnavailable';
  }
}

export interface IsolationChoice {
  docker: boolean;
  /** Why Docker is not used (absent when it is). */
  reason?: string;
  /** Each kind's isolation. */
  kinds: Record<string, Isolation>;
}

export interface Runtimes {
  factory: ContainerFactory;
  isolation: IsolationChoice;
  /** Stops the reaper (after the pool destroyed its containers). */
  close(): void;
}

export async function startIsolation(mode: IsolationMode, options: RuntimeOptions, socketPath = DEFAULT_DOCKER_SOCKET): Promise<Runtimes> {
  const reaper = new Reaper();
  let docker: DockerBackend | undefined;
  let reason: string | undefined = message.processIsolationAsked();
  if (mode !== 'process') {
    const connected = await DockerBackend.connect(socketPath, reaper);
    if (connected instanceof DockerBackend) docker = connected;
    reason = connected instanceof DockerBackend ? undefined : connected.reason;
  }
  if (mode === 'docker' && !docker) {
    reaper.stop();
    throw new DockerUnavailable(message.dockerRequired(reason ?? ''));
  }
  await reaper.start(docker?.socketPath);
  const kinds = Object.fromEntries(runtimeKinds.map((kind) => [kind, isolationOf(kind, docker !== undefined)]));
  return {
    factory: createRuntimeFactory({ ...options, marker: reaper.instance, folder: reaper.folder }, docker),
    isolation: { docker: docker !== undefined, ...(reason !== undefined ? { reason } : {}), kinds },
    close: () => reaper.stop(),
  };
}
