import assert from 'node:assert/strict';
import { backoffDelay } from '../../src/openwhisk/backoff.js';

const policy = { maxRetries: 5, baseMs: 100, capMs: 1000, budgetMs: 2500 };

describe('openwhisk/backoff', () => {
  it('grows exponentially to the cap, jittered within [ceiling/2, ceiling]', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, 0, () => 0)), [50, 100, 200, 400, 500]);
    assert.deepEqual([0, 1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, 0, () => 0.999999)), [100, 200, 400, 800, 1000]);
  });

  it('stops at the retry count and at the time budget', () => {
    assert.equal(backoffDelay(policy, 5, 0, () => 0.5), null);
    assert.equal(backoffDelay(policy, 3, 2000, () => 0.999999), null, '2000 + 800 > 2500');
    assert.equal(backoffDelay(policy, 3, 2000, () => 0), 400);
  });
});
