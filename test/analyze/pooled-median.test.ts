// The resampled-runs median against numpy's median of the runs concatenated (sorted by hand here):
// the window search must find the same value to the bit, with and without its rank table.
import assert from 'node:assert/strict';
import { medianSearchOf, pooledMedian } from '../../src/analyze/pooled-median.js';
import { mulberry32 } from '../../src/analyze/prng.js';
import { pooledSortedOf, sampleOf } from '../../src/analyze/run-cells.js';

/** numpy.median of the concatenation: the middle value, or the lerp numpy uses between the two middle ones. */
function concatenatedMedian(runs: number[][], counts: Uint32Array): number {
  const values = runs.flatMap((run, r) => Array.from({ length: counts[r] }, () => run).flat()).sort((a, b) => a - b);
  const n = values.length;
  if (n % 2 === 1) return values[(n - 1) / 2];
  const [a, b] = [values[n / 2 - 1], values[n / 2]];
  return b - (b - a) * 0.5;
}

describe('analyze/pooled-median', () => {
  const u = mulberry32(5);
  const shapes: Record<string, () => number[][]> = {
    'alike runs': () => Array.from({ length: 8 }, () => Array.from({ length: 40 + ((u() * 20) | 0) }, () => Math.exp(u()))),
    'a strong run effect, unequal sizes': () => Array.from({ length: 6 }, (_, r) => Array.from({ length: 1 + r * r * 3 }, () => 10 * r + u())),
    'whole milliseconds, many ties': () => Array.from({ length: 5 }, () => Array.from({ length: 15 }, () => Math.round(u() * 6))),
    'one value a run': () => Array.from({ length: 7 }, () => [Math.round(u() * 4)]),
    'runs that do not overlap': () => [[1, 2, 3], [10, 11], [20, 21, 22, 23], [30]],
  };
  for (const [shape, make] of Object.entries(shapes)) {
    for (const tableMax of [undefined, 0]) {
      it(`${shape}${tableMax === 0 ? ', no rank table' : ''}: numpy's median of every resample`, () => {
        const values = make().map((run) => [...run].sort((a, b) => a - b));
        const runs = values.map(sampleOf);
        const search = medianSearchOf(runs, pooledSortedOf(runs), tableMax);
        assert.equal(search.ranks === null, tableMax === 0);
        const counts = new Uint32Array(runs.length);
        for (let b = 0; b < 400; b++) {
          counts.fill(0);
          for (let i = 0; i < runs.length; i++) counts[(u() * runs.length) | 0]++;
          const expected = concatenatedMedian(values, counts);
          const actual = pooledMedian(search, counts);
          assert.ok(Object.is(actual, expected), `counts ${[...counts]}: ${actual} instead of ${expected}`);
        }
      });
    }
  }

  it('searches a window narrower than the cell when the runs agree', () => {
    const runs = Array.from({ length: 10 }, () => sampleOf(Array.from({ length: 500 }, () => u())));
    const search = medianSearchOf(runs, pooledSortedOf(runs));
    assert.ok(search.high - search.low < 5000 / 4, `window ${search.low}..${search.high} of 5000`);
  });
});
