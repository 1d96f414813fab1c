// The throttles with a controlled clock: a fixed calendar minute, rejected calls counted too.
import assert from 'node:assert/strict';
import { Throttle } from '../../src/local/throttle.js';

describe('Throttle', () => {
  it('counts per calendar minute, not a rolling window', () => {
    let now = 59_000; // one second before a minute boundary
    const throttle = new Throttle({ invocationsPerMinute: 2 }, () => now);
    assert.equal(throttle.check(), null);
    assert.equal(throttle.check(), null);
    assert.equal(throttle.check(), 'Too many requests in the last minute (count: 3, allowed: 2).');
    assert.equal(throttle.check(), 'Too many requests in the last minute (count: 4, allowed: 2).');
    now = 60_000; // the next minute starts from zero
    assert.equal(throttle.check(), null);
  });

  it('limits activations in flight', async () => {
    const throttle = new Throttle({ concurrentInvocations: 1 });
    let finish!: () => void;
    const running = throttle.track(new Promise<void>((r) => (finish = r)));
    assert.equal(throttle.check(), 'Too many concurrent requests in flight (count: 1, allowed: 1).');
    finish();
    await running;
    assert.equal(throttle.check(), null);
  });

  it('is off unless configured', () => {
    const throttle = new Throttle({});
    for (let i = 0; i < 1000; i++) assert.equal(throttle.check(), null);
  });
});
