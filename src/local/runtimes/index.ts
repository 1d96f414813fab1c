// The runtimes of the embedded OpenWhisk: the ContainerFactory the invoker calls for each cold start.
// Kinds: nodejs:20 / nodejs:default (a Node process running our action proxy), blackbox (a native
// executable speaking the action loop), wasm:0.1 (a WASI module in a worker thread).
import type { Container, ContainerFactory, ContainerLimits } from '../container.js';
import { BlackboxContainer } from './blackbox/container.js';
import { NodeContainer } from './nodejs/container.js';
import { WasmContainer } from './wasm/container.js';
import { message } from './messages.js';
import type { RuntimeOptions } from './options.js';

export type { RuntimeOptions } from './options.js';
export { resolveBlackboxImage } from './options.js';
export { ACTIVATION_LOG_SENTINEL } from './log-lines.js';

/** The kinds this server runs, as `PUT /actions` validates `exec.kind` against them. */
export const runtimeKinds = ['nodejs:20', 'nodejs:default', 'blackbox', 'wasm:0.1'] as const;

/** How each kind's actions are isolated from each other and from the server (the run log records it). */
export const runtimeIsolation: Record<(typeof runtimeKinds)[number], string> = {
  'nodejs:20': 'process', 'nodejs:default': 'process', blackbox: 'process', 'wasm:0.1': 'worker thread',
};

let sequence = 0;
let defaults: RuntimeOptions = {};

/** Sets the options the module-level `createContainer` uses (the server config calls it at start). */
export function configureRuntimes(options: RuntimeOptions): void {
  defaults = { ...options };
}

/** A factory bound to its own options (for servers that must not share module state). */
export function createRuntimeFactory(options: RuntimeOptions = {}): ContainerFactory {
  return (kind, limits) => startContainer(kind, limits, options);
}

export const createContainer: ContainerFactory = (kind, limits) => startContainer(kind, limits, defaults);

async function startContainer(kind: string, limits: ContainerLimits, options: RuntimeOptions): Promise<Container> {
  sequence += 1;
  const id = `${kind.replace(/[^a-z0-9]/gi, '')}-${process.pid}-${sequence}`;
  switch (kind) {
    case 'nodejs:20':
    case 'nodejs:default':
      return NodeContainer.start(id, kind, limits);
    case 'blackbox':
      return new BlackboxContainer(id, limits, options);
    case 'wasm:0.1':
      return WasmContainer.start(id, limits, options.wasmEnvelope ?? true);
    default:
      throw new Error(message.unknownKind(kind));
  }
}
