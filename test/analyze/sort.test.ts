// The radix sort must give exactly the typed array's own order, bit for bit, on every kind of double.
import assert from 'node:assert/strict';
import { mergeAscending, sortAscending } from '../../src/analyze/sort.js';

/** mulberry32, so that a failure reproduces. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assertSameBits(actual: Float64Array, expected: Float64Array): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`at ${i}: ${actual[i]} instead of ${expected[i]}`);
  }
}

describe('analyze/sort: sortAscending', () => {
  const random = uniform(11);
  const kinds: Record<string, () => number> = {
    'whole milliseconds': () => Math.round(Math.exp(6 + 3 * random())),
    'three decimals': () => Math.round(Math.exp(6 + 3 * random()) * 1000) / 1000,
    'signed, zeros and extremes': () => {
      const r = random();
      if (r < 0.05) return -0;
      if (r < 0.1) return 0;
      if (r < 0.12) return Number.MIN_VALUE * (random() < 0.5 ? 1 : -1);
      if (r < 0.14) return (random() < 0.5 ? 1 : -1) * Number.MAX_VALUE;
      if (r < 0.15) return random() < 0.5 ? Infinity : -Infinity;
      return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
    },
    'one value': () => 42,
  };
  for (const [kind, draw] of Object.entries(kinds)) {
    for (const n of [0, 1, 1000, 1 << 11, 2800, (1 << 15) - 1, 1 << 15, 100_003]) {
      it(`${kind}, ${n} values: the built-in order`, () => {
        const values = Float64Array.from({ length: n }, draw);
        const expected = values.slice().sort();
        const sorted = sortAscending(values);
        assert.equal(sorted, values, 'sorts in place');
        assertSameBits(sorted, expected);
      });
    }
  }

  it('sorts a view into a larger buffer without touching the rest', () => {
    const whole = Float64Array.from({ length: 80_000 }, () => random() * 1000);
    const before = whole.slice();
    const view = whole.subarray(10_000, 70_000);
    const expected = view.slice().sort();
    sortAscending(view);
    assertSameBits(view, expected);
    assertSameBits(whole.subarray(0, 10_000), before.subarray(0, 10_000));
    assertSameBits(whole.subarray(70_000), before.subarray(70_000));
  });
});

describe('analyze/sort: mergeAscending', () => {
  const random = uniform(12);
  const draw = () => {
    const r = random();
    if (r < 0.1) return random() < 0.5 ? -0 : 0;
    return r < 0.5 ? Math.round(random() * 50) : (random() - 0.3) * 1e3;
  };
  it('merges ascending parts into what sorting their concatenation gives, zeros of both signs included', () => {
    for (const k of [1, 2, 3, 10]) {
      const parts = Array.from({ length: k }, () => Float64Array.from({ length: (random() * 300) | 0 }, draw).sort());
      const concatenated = Float64Array.from(parts.flatMap((p) => [...p]));
      const merged = mergeAscending(parts);
      assertSameBits(merged, concatenated.slice().sort());
      assert.notEqual(merged, parts[0], 'a new array, the parts untouched');
    }
  });
});
