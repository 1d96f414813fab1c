// The fast path's scratch record: the fields flatRow reads, found by their key bytes, stored by
// name so that one object of one shape is refilled for every record.

/** The fields flatRow reads; anything else in a record is scanned for syntax and ignored. */
export const FIELDS = [
  'run', 'activationId', 'kind', 'runtime', 'memory', 'concurrency', 'initTime', 'duration', 'waitTime',
  'confidence', 'label', 'status', 'action', 'repetition', 'start', 'end', 'client_ms',
  // The table's own names, for a table saved as JSON.
  'memory_mb', 'activation_id', 'init_ms', 'duration_ms', 'wait_ms',
  'function', 'composition', 'caused_by', 'causedBy', 'components',
] as const;
/** Fields whose few distinct values repeat on every row: one string each, not a million. */
export const REPEATING = new Set<string>(['kind', 'runtime', 'label', 'status', 'action', 'function', 'composition', 'caused_by', 'causedBy']);

/** Each field's key as bytes. */
export const KEY_BYTES = FIELDS.map((name) => Buffer.from(name, 'latin1'));
const keyBytes = KEY_BYTES;
const fieldByHash = new Map<number, number>();
FIELDS.forEach((name, i) => fieldByHash.set(hashOf(keyBytes[i], 0, keyBytes[i].length), i));

function hashOf(b: Uint8Array, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + b[i]) | 0;
  return h;
}

/** The index in FIELDS of the key in b[start, end), or -1 for a key flatRow does not read. */
export function fieldOf(b: Buffer, start: number, end: number): number {
  const i = fieldByHash.get(hashOf(b, start, end));
  if (i === undefined) return -1;
  return sameBytes(keyBytes[i], b, start, end) ? i : -1;
}

export function sameBytes(cached: Buffer, b: Buffer, start: number, end: number): boolean {
  if (cached.length !== end - start) return false;
  for (let k = 0; k < cached.length; k++) if (cached[k] !== b[start + k]) return false;
  return true;
}

export type Scratch = Record<(typeof FIELDS)[number], unknown>;

// Named stores, not scratch[FIELDS[i]]: one shape, monomorphic, a million times.
export function newScratch(): Scratch {
  const s = {} as Scratch;
  resetScratch(s);
  return s;
}

export function resetScratch(s: Scratch): void {
  s.run = undefined; s.activationId = undefined; s.kind = undefined; s.runtime = undefined; s.memory = undefined;
  s.concurrency = undefined; s.initTime = undefined; s.duration = undefined; s.waitTime = undefined;
  s.confidence = undefined; s.label = undefined; s.status = undefined; s.action = undefined;
  s.repetition = undefined; s.start = undefined; s.end = undefined; s.client_ms = undefined;
  s.memory_mb = undefined; s.activation_id = undefined; s.init_ms = undefined; s.duration_ms = undefined; s.wait_ms = undefined;
  s.function = undefined; s.composition = undefined; s.caused_by = undefined; s.causedBy = undefined; s.components = undefined;
}

export function store(s: Scratch, field: number, value: unknown): void {
  switch (field) {
    case 0: s.run = value; break;
    case 1: s.activationId = value; break;
    case 2: s.kind = value; break;
    case 3: s.runtime = value; break;
    case 4: s.memory = value; break;
    case 5: s.concurrency = value; break;
    case 6: s.initTime = value; break;
    case 7: s.duration = value; break;
    case 8: s.waitTime = value; break;
    case 9: s.confidence = value; break;
    case 10: s.label = value; break;
    case 11: s.status = value; break;
    case 12: s.action = value; break;
    case 13: s.repetition = value; break;
    case 14: s.start = value; break;
    case 15: s.end = value; break;
    case 16: s.client_ms = value; break;
    case 17: s.memory_mb = value; break;
    case 18: s.activation_id = value; break;
    case 19: s.init_ms = value; break;
    case 20: s.duration_ms = value; break;
    case 21: s.wait_ms = value; break;
    case 22: s.function = value; break;
    case 23: s.composition = value; break;
    case 24: s.caused_by = value; break;
    case 25: s.causedBy = value; break;
    case 26: s.components = value; break;
  }
}

