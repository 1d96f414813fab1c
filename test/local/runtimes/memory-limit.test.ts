// The memory-section rewrite that caps a wasm module's memory, on hand-built modules.
import assert from 'node:assert/strict';
import { capMemoryMaximum, MemoryLimitError } from '../../../src/local/runtimes/wasm/memory-limit.js';

const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
/** A module with one memory (min pages, optional max) and an export of it named "m". */
function moduleWith(limits: number[]): Uint8Array {
  const memory = [0x05, limits.length + 1, 0x01, ...limits];
  const exportSection = [0x07, 0x05, 0x01, 0x01, 0x6d, 0x02, 0x00];
  return Uint8Array.from([...header, ...memory, ...exportSection]);
}

describe('capMemoryMaximum', () => {
  it('adds a maximum to a memory without one', () => {
    const capped = capMemoryMaximum(moduleWith([0x00, 2]), 10);
    assert.deepEqual([...capped], [...header, 0x05, 0x04, 0x01, 0x01, 2, 10, 0x07, 0x05, 0x01, 0x01, 0x6d, 0x02, 0x00]);
    const instance = new (globalThis as unknown as { WebAssembly: { Instance: new (m: unknown) => { exports: { m: { grow(n: number): number } } }; Module: new (b: Uint8Array) => unknown } }).WebAssembly.Instance(
      new (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => unknown } }).WebAssembly.Module(capped),
    );
    assert.equal(instance.exports.m.grow(8), 2);
    assert.throws(() => instance.exports.m.grow(1), RangeError);
  });

  it('keeps a lower maximum and lowers a higher one (multi-byte LEB128)', () => {
    assert.deepEqual([...capMemoryMaximum(moduleWith([0x01, 1, 3]), 10)].slice(8, 14), [0x05, 0x04, 0x01, 0x01, 1, 3]);
    // cap 2048 pages (128 MB) = LEB128 0x80 0x10
    assert.deepEqual([...capMemoryMaximum(moduleWith([0x01, 1, 0xff, 0x3f]), 2048)].slice(8, 15), [0x05, 0x05, 0x01, 0x01, 1, 0x80, 0x10]);
  });

  it('refuses a module whose initial memory exceeds the limit, and bytes that are not a module', () => {
    assert.throws(() => capMemoryMaximum(moduleWith([0x00, 20]), 16), (e: unknown) => e instanceof MemoryLimitError && /1.25 MB of memory at start, above the limit of 1 MB/.test(e.message));
    assert.throws(() => capMemoryMaximum(Uint8Array.from([1, 2, 3]), 16), MemoryLimitError);
  });
});
