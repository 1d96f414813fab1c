// The store's column memory is a SharedArrayBuffer (issue 16): a worker given the store's parts
// (analyze's inference, src/analyze/inference-thread.ts) reads the same memory, where posting an
// ArrayBuffer would copy every column (+170 MB at a million rows). Reads and writes are plain,
// not atomic: one thread writes a column before any other thread is given it.

export const float64s = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(n * 8));
export const int32s = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(n * 4));
export const uint8s = (n: number): Uint8Array => new Uint8Array(new SharedArrayBuffer(n));
/** A Buffer over shared memory (zeroed, where Buffer.allocUnsafeSlow is not). */
export const sharedBytes = (n: number): Buffer => Buffer.from(new SharedArrayBuffer(n));

/** The buffers of a post that can be transferred: shared ones are shared, and may not be listed. */
export function transferable(buffers: readonly ArrayBufferLike[]): ArrayBuffer[] {
  return buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
