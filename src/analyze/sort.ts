// Sorting a group's times, the analysis's largest single cost on a million activations. An LSD
// radix sort on the doubles' bits (16 bits a pass, or 8 for a few thousand values such as one
// run's; passes where every value has the same digit skipped: whole milliseconds leave the low 32
// bits zero) runs 2–10× faster here than the typed array's own sort, and gives the same order to
// the bit (−0 before +0, as TypedArray sort).

/** Below this many values the built-in sort is as fast (measured: 8-bit digits lose at 500, win 2× at 2800). */
const RADIX_MIN = 1 << 11;
/** From this many values, 16-bit digits (4 passes, 2^16 buckets each); below, 8-bit ones (8 passes, 256 buckets). */
const WIDE_MIN = 1 << 15;
/** The word order assumed below; a big-endian machine keeps the built-in sort. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Sorts `values` ascending in place and returns it. No NaN is expected (times are finite). */
export function sortAscending(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) return values.sort();
  const width = n >= WIDE_MIN ? 16 : 8;
  const digits = 64 / width;
  const buckets = 1 << width;
  const mask = buckets - 1;
  const perWord = 32 / width;
  // Two 32-bit words per double (little-endian: low word first), turned into keys that sort as
  // unsigned integers: negatives with every bit flipped, positives with the sign bit set.
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  let from = new Uint32Array(n * 2);
  const counts = new Uint32Array(digits * buckets);
  for (let i = 0; i < n; i++) {
    let lo = words[2 * i];
    let hi = words[2 * i + 1];
    if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 0x80000000) >>> 0;
    }
    from[2 * i] = lo;
    from[2 * i + 1] = hi;
    for (let d = 0; d < perWord; d++) {
      counts[d * buckets + ((lo >>> (d * width)) & mask)]++;
      counts[(d + perWord) * buckets + ((hi >>> (d * width)) & mask)]++;
    }
  }
  let to = new Uint32Array(n * 2);
  for (let digit = 0; digit < digits; digit++) {
    if (!startsOf(counts, digit * buckets, buckets, n)) continue;
    const offset = digit * buckets;
    const word = digit >= perWord ? 1 : 0;
    const shift = (digit % perWord) * width;
    for (let i = 0; i < n; i++) {
      const lo = from[2 * i];
      const hi = from[2 * i + 1];
      const at = counts[offset + (((word === 0 ? lo : hi) >>> shift) & mask)]++;
      to[2 * at] = lo;
      to[2 * at + 1] = hi;
    }
    [from, to] = [to, from];
  }
  for (let i = 0; i < n; i++) {
    let lo = from[2 * i];
    let hi = from[2 * i + 1];
    if (hi & 0x80000000) {
      hi = (hi & 0x7fffffff) >>> 0;
    } else {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    }
    words[2 * i] = lo;
    words[2 * i + 1] = hi;
  }
  return values;
}

/** Turns one digit's counts into start offsets; false when one bucket holds all (the pass is skipped). */
function startsOf(counts: Uint32Array, offset: number, buckets: number, n: number): boolean {
  let sum = 0;
  for (let k = 0; k < buckets; k++) {
    const c = counts[offset + k];
    if (c === n) return false;
    counts[offset + k] = sum;
    sum += c;
  }
  return true;
}
/**
 * The ascending union of ascending arrays, as sortAscending of their concatenation gives it (the
 * same order to the bit, −0 before +0), merged pairwise: O(n log k) instead of a sort of n.
 */
export function mergeAscending(parts: readonly Float64Array[]): Float64Array {
  if (parts.length === 0) return new Float64Array(0);
  let level = [...parts];
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(mergeTwo(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0] === parts[0] ? parts[0].slice() : level[0];
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    // Equal values are the same bits, but for the zeros: −0 goes first, as the typed array's sort puts it.
    if (y < x || (y === 0 && x === 0 && Object.is(y, -0) && !Object.is(x, -0))) { out[o++] = y; j++; }
    else { out[o++] = x; i++; }
  }
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}
