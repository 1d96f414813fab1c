// Compiles each wasm:0.1 module once, in the server's thread, with V8's optimizing tier, and keeps
// it by content: containers get the compiled WebAssembly.Module posted to their worker (it keeps its
// machine code) and only instantiate it. This is how WOW runs modules (compiled ahead of the cold
// start, instantiated per container); a fresh V8 compile would run the first inference in the
// baseline tier (Liftoff, compiled lazily), about twice as slow for a MobileNetV2.
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';

/** A compiled WebAssembly.Module (the project's lib has no WebAssembly typings). */
export type WasmModule = object;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

/** Modules kept at most: a MobileNetV2 holds about 4.5 MB of bytes and 1 MB of code. */
const CACHE_LIMIT = 16;
const cache = new Map<string, Promise<WasmModule>>();
let compiling: Promise<unknown> = Promise.resolve();

/** The compiled module for these bytes (the memory-capped module, so the limit is part of the key). */
export function compiledModule(bytes: Uint8Array): Promise<WasmModule> {
  const key = createHash('sha256').update(bytes).digest('hex');
  const known = cache.get(key);
  if (known) {
    cache.delete(key); // most recently used last
    cache.set(key, known);
    return known;
  }
  const module = compileOnce(bytes);
  cache.set(key, module);
  module.catch(() => cache.delete(key));
  for (const oldest of cache.keys()) {
    if (cache.size <= CACHE_LIMIT) break;
    cache.delete(oldest);
  }
  return module;
}

/** How many compiled modules are kept (for tests). */
export function cachedModules(): number {
  return cache.size;
}

// V8's tier flags are process-wide, so compiles run one at a time with them switched for the
// compile only: eager (not lazy) and TurboFan (not Liftoff), then back to V8's defaults.
function compileOnce(bytes: Uint8Array): Promise<WasmModule> {
  const run = compiling.then(async () => {
    setFlagsFromString('--no-liftoff');
    setFlagsFromString('--no-wasm-lazy-compilation');
    try {
      return await wasm.compile(bytes);
    } finally {
      setFlagsFromString('--liftoff');
      setFlagsFromString('--wasm-lazy-compilation');
    }
  });
  compiling = run.catch(() => undefined);
  return run;
}
