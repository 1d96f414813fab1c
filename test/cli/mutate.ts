// Seeded mutations of a file's bytes: the damage real files suffer (truncation, flipped and
// deleted bytes) and the hostile kind (deep nesting, huge strings, invalid UTF-8, NULs, escapes).
import type { Uniform } from '../../src/analyze/prng.js';

export interface Mutant {
  bytes: Buffer;
  /** How it was made, for the failure message. */
  how: string;
}

const SPECIAL = [0x00, 0x0a, 0x0d, 0x1b, 0x22, 0x27, 0x2c, 0x3a, 0x5b, 0x5d, 0x7b, 0x7d, 0x5c, 0x80, 0xc3, 0xe2, 0xff];

type Mutation = (bytes: Buffer, at: number, random: Uniform) => { bytes: Buffer; how: string };

const pick = <T>(items: readonly T[], random: Uniform): T => items[Math.floor(random() * items.length)];
const splice = (bytes: Buffer, at: number, remove: number, insert: Buffer) =>
  Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at + remove)]);

const damaging: Record<string, Mutation> = {
  truncate: (b, at) => ({ bytes: b.subarray(0, at), how: `truncated at ${at}` }),
  flip: (b, at, r) => {
    const copy = Buffer.from(b);
    copy[at] ^= 1 << Math.floor(r() * 8);
    return { bytes: copy, how: `bit flipped at ${at}` };
  },
  special: (b, at, r) => {
    const byte = pick(SPECIAL, r);
    return { bytes: splice(b, at, 1, Buffer.from([byte])), how: `byte 0x${byte.toString(16)} at ${at}` };
  },
  delete: (b, at, r) => {
    const n = 1 + Math.floor(r() * 40);
    return { bytes: splice(b, at, n, Buffer.alloc(0)), how: `${n} bytes deleted at ${at}` };
  },
  duplicate: (b, at, r) => {
    const n = 1 + Math.floor(r() * 200);
    return { bytes: splice(b, at, 0, b.subarray(at, at + n)), how: `${n} bytes repeated at ${at}` };
  },
  word: (b, at, r) => {
    const word = pick(['nan', 'NaN', 'fAlse', 'None', '-Infinity', 'inf', '1e999', '-0', 'true', '""', "''", '{}', '[]'], r);
    return { bytes: splice(b, at, 0, Buffer.from(word)), how: `${word} inserted at ${at}` };
  },
};

const hostile: Record<string, Mutation> = {
  nesting: (b, at, r) => {
    const depth = pick([150, 2504, 4096, 100_000], r);
    const open = pick(['[', '{"a":', "{'a':", '[{"a":'], r);
    return { bytes: splice(b, at, 0, Buffer.from(open.repeat(depth))), how: `${depth} × ${open} at ${at}` };
  },
  hugeString: (b, at, r) => {
    const n = pick([1 << 20, 3 << 20], r);
    return { bytes: splice(b, at, 0, Buffer.alloc(n, 0x61)), how: `${n} × "a" at ${at}` };
  },
  badUtf8: (b, at) => ({ bytes: splice(b, at, 0, Buffer.from([0xc3, 0x28, 0xa0, 0xa1])), how: `invalid UTF-8 at ${at}` }),
  control: (b, at) => ({ bytes: splice(b, at, 0, Buffer.from('black\u001b[2Jbox\u0007\u009b')), how: `escape sequence at ${at}` }),
};

/** One mutation, chosen by `random`; `kind` 'hostile' picks from the hostile mutations only. */
export function mutate(bytes: Buffer, random: Uniform, kind: 'any' | 'hostile' = 'any'): Mutant {
  const table = kind === 'hostile' ? hostile : random() < 0.75 ? damaging : hostile;
  const mutation = pick(Object.values(table), random);
  const at = Math.floor(random() * bytes.length);
  const first = mutation(bytes, at, random);
  // A second damage now and then: real files are seldom broken in one place only.
  if (kind === 'any' && random() < 0.3) {
    const second = pick(Object.values(damaging), random)(first.bytes, Math.floor(random() * first.bytes.length), random);
    return { bytes: second.bytes, how: `${first.how}, then ${second.how}` };
  }
  return first;
}
