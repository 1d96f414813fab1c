// The arrival schedule (fixed and Poisson gaps) and the dispatcher that keeps it: never early,
// in order, and each send started without waiting for the previous one's reply.
import assert from 'node:assert/strict';
import { arrivalOffsets, dispatch, preciseNow, waitUntil } from '../../src/openwhisk/arrivals.js';

describe('openwhisk/arrivals', () => {
  it('a fixed rate spaces calls 1000/rate ms apart from the start', () => {
    assert.deepEqual(arrivalOffsets(4, 250, 'fixed', 0), [0, 4, 8, 12]);
  });

  it('Poisson gaps: the same seed gives the same schedule, and their mean is 1/rate', () => {
    const offsets = arrivalOffsets(20000, 1000, 'poisson', 11);
    assert.deepEqual(offsets, arrivalOffsets(20000, 1000, 'poisson', 11));
    assert.notDeepEqual(offsets.slice(0, 10), arrivalOffsets(10, 1000, 'poisson', 12));
    const gaps = offsets.slice(1).map((at, i) => at - offsets[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // Exponential with mean 1 ms: the standard error of 19,999 gaps is ≈ 0.007 ms.
    assert.ok(Math.abs(mean - 1) < 0.03, `mean gap ${mean}`);
    const variance = gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / (gaps.length - 1);
    assert.ok(Math.abs(Math.sqrt(variance) - 1) < 0.05, `sd ${Math.sqrt(variance)} (exponential: sd = mean)`);
    assert.equal(offsets[0], 0);
  });

  it('waitUntil never returns early', async () => {
    for (const ahead of [0.3, 1, 3, 7]) {
      const at = preciseNow() + ahead;
      await waitUntil(at);
      assert.ok(preciseNow() >= at);
    }
  });

  it('dispatch sends each call at or after its time, in order, without awaiting replies', async () => {
    const start = preciseNow() + 5;
    const sent: number[] = [];
    const results = await dispatch(start, [0, 2, 4, 6], async (position, plannedAt) => {
      const at = preciseNow();
      assert.ok(at >= plannedAt, `call ${position} went out ${plannedAt - at} ms early`);
      sent.push(position);
      await new Promise((resolve) => setTimeout(resolve, 20)); // a slow reply must not hold the next send
      return at - plannedAt;
    });
    assert.deepEqual(sent, [0, 1, 2, 3]);
    assert.equal(results.length, 4);
    assert.ok(preciseNow() - start < 6 + 20 + 200, 'the replies overlapped');
  });
});
