// The runtimes of the embedded OpenWhisk: the ContainerFactory the invoker calls for each cold start.
// Kinds: nodejs:20 / nodejs:default (our Node action proxy), blackbox (an executable speaking the
// action loop), wasm:0.1 (a WASI module in a worker thread). With a Docker engine and the images
// built, nodejs and blackbox containers are Docker containers (docker/); without, processes.
import type { Container, ContainerFactory, ContainerLimits, ContainerSpec, Isolation } from '../container.js';
import { BlackboxContainer } from './blackbox/container.js';
import { NodeContainer } from './nodejs/container.js';
import { WasmContainer } from './wasm/container.js';
import { message } from './messages.js';
import type { RuntimeOptions } from './options.js';
import { dockerContainer, processImageCheck } from './docker/start.js';
import type { DockerBackend } from './docker/backend.js';

export type { RuntimeOptions } from './options.js';
export { resolveBlackboxImage } from './options.js';
export { ACTIVATION_LOG_SENTINEL } from './log-lines.js';

/** The kinds this server runs, as `PUT /actions` validates `exec.kind` against them. */
export const runtimeKinds = ['nodejs:20', 'nodejs:default', 'blackbox', 'wasm:0.1'] as const;


let sequence = 0;
let defaults: RuntimeOptions = {};

/** Sets the options the module-level `createContainer` uses (the server config calls it at start). */
export function configureRuntimes(options: RuntimeOptions): void {
  defaults = { ...options };
}

/** A factory bound to its own options; with a Docker backend, nodejs and blackbox run in Docker. */
export function createRuntimeFactory(options: RuntimeOptions = {}, docker?: DockerBackend): ContainerFactory {
  return (kind, limits, spec) => startContainer(kind, limits, spec ?? {}, options, docker);
}

export const createContainer: ContainerFactory = (kind, limits, spec) => startContainer(kind, limits, spec ?? {}, defaults);

/** Which isolation a kind runs under, with or without Docker. */
export function isolationOf(kind: string, docker: boolean): Isolation {
  if (kind === 'wasm:0.1') return 'thread';
  return docker ? 'docker' : 'process';
}

async function startContainer(kind: string, limits: ContainerLimits, spec: ContainerSpec, options: RuntimeOptions, docker?: DockerBackend): Promise<Container> {
  sequence += 1;
  const id = `${kind.replace(/[^a-z0-9]/gi, '')}-${process.pid}-${sequence}`;
  if (docker && kind !== 'wasm:0.1' && runtimeKinds.includes(kind as (typeof runtimeKinds)[number])) {
    return dockerContainer(docker, id, kind, limits, spec, options);
  }
  switch (kind) {
    case 'nodejs:20':
    case 'nodejs:default':
      return NodeContainer.start(id, kind, limits, options.marker, options.folder);
    case 'blackbox':
      if (spec.image !== undefined) processImageCheck(spec, options);
      return new BlackboxContainer(id, limits, options);
    case 'wasm:0.1':
      return WasmContainer.start(id, limits, options.wasmEnvelope ?? true);
    default:
      throw new Error(message.unknownKind(kind));
  }
}
