// Enforces a container's memory limit on a WebAssembly module: its memory section gets a maximum
// of at most the limit (in 64 KiB pages), so memory.grow fails (malloc returns NULL) beyond it.

export const PAGE_BYTES = 65536;

export class MemoryLimitError extends Error {}

/**
 * The module's bytes with every defined memory's maximum capped at `maxPages` (an existing lower
 * maximum is kept). Throws MemoryLimitError when a memory's initial size alone exceeds the cap.
 */
export function capMemoryMaximum(bytes: Uint8Array, maxPages: number): Uint8Array {
  if (bytes.length < 8 || bytes[0] !== 0x00 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
    throw new MemoryLimitError('not a WebAssembly module (no \\0asm header)');
  }
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const [size, sizeEnd] = readLeb(bytes, at + 1);
    const end = sizeEnd + size;
    if (end > bytes.length) throw new MemoryLimitError('truncated module');
    if (id === 5) {
      const content = rewriteMemories(bytes.subarray(sizeEnd, end), maxPages);
      parts.push(Uint8Array.of(5), writeLeb(content.length), content);
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return concat(parts);
}

function rewriteMemories(section: Uint8Array, maxPages: number): Uint8Array {
  const [count, countEnd] = readLeb(section, 0);
  const out: Uint8Array[] = [writeLeb(count)];
  let at = countEnd;
  for (let i = 0; i < count; i += 1) {
    const flags = section[at]!;
    if (flags > 0x03) throw new MemoryLimitError('64-bit memories are not supported');
    const [initial, initialEnd] = readLeb(section, at + 1);
    let maximum = Infinity;
    at = initialEnd;
    if (flags & 0x01) [maximum, at] = readLeb(section, at);
    if (initial > maxPages) {
      throw new MemoryLimitError(`the module needs ${initial * PAGE_BYTES / 1048576} MB of memory at start, above the limit of ${maxPages * PAGE_BYTES / 1048576} MB`);
    }
    out.push(Uint8Array.of(flags | 0x01), writeLeb(initial), writeLeb(Math.min(maximum, maxPages)));
  }
  out.push(section.subarray(at));
  return concat(out);
}

function readLeb(bytes: Uint8Array, start: number): [number, number] {
  let value = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    const byte = bytes[at];
    if (byte === undefined) throw new MemoryLimitError('truncated module');
    value += (byte & 0x7f) * 2 ** shift;
    at += 1;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

function writeLeb(value: number): Uint8Array {
  const out: number[] = [];
  let rest = value;
  do {
    let byte = rest % 128;
    rest = Math.floor(rest / 128);
    if (rest > 0) byte |= 0x80;
    out.push(byte);
  } while (rest > 0);
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
