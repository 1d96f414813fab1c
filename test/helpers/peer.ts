// The peer's published data (ow-mobilenet-hybrid-actions), which some tests compare against.
// It is not part of this repository: OWBENCH_PEER_DATA names its folder, else
// ../shared/data/ow-mobilenet-hybrid-actions beside the clone. Without it, each test that needs
// it is skipped and listed by name with the reason, instead of failing (a bare clone's `make test`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const peerData = process.env.OWBENCH_PEER_DATA
  ? path.resolve(process.env.OWBENCH_PEER_DATA)
  : path.resolve(repoRoot, '../shared/data/ow-mobilenet-hybrid-actions');
export const hasPeerData = existsSync(path.join(peerData, 'input_wasm_cold_start.json'));

let current: Mocha.Test | undefined;
// A root hook (this module is loaded while mocha reads the spec files): the test running now.
beforeEach(function () {
  current = this.currentTest;
});
afterEach(() => {
  current = undefined;
});

/** Skips the running test, with the reason in its name, when the peer data is absent. */
export function needPeerData(): void {
  if (hasPeerData) return;
  const reason = `peer data not found at ${peerData} (set OWBENCH_PEER_DATA)`;
  if (!current) throw new Error(`${reason}; needed outside a test`);
  current.title += ` [skipped: ${reason}]`;
  current.skip();
}

/**
 * A value made from the peer's data when a test first touches it, not when the test file loads:
 * a test that touches it is skipped without the data. `make` returns an array or an object.
 */
export function peerLazy<T extends object>(make: () => T, shape: 'array' | 'object' = 'array'): T {
  let made: T | undefined;
  const value = (): T => {
    needPeerData();
    return (made ??= make());
  };
  const target = (shape === 'array' ? [] : {}) as T;
  return new Proxy(target, {
    get: (_, key) => {
      const real = value();
      const found = Reflect.get(real, key, real) as unknown;
      return typeof found === 'function' ? (found as (...args: unknown[]) => unknown).bind(real) : found;
    },
    has: (_, key) => Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
      // Proxy invariants: only the target's own fixed properties (an array's length) may be reported fixed.
      const fixed = Reflect.getOwnPropertyDescriptor(target, key)?.configurable === false;
      return descriptor ? { ...descriptor, configurable: !fixed ? true : descriptor.configurable } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}
