// Fault selection is deterministic: every Nth and listed 1-based indices, invokes and inits apart.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/local/config.js';
import { FaultPlan } from '../../src/local/faults.js';

describe('FaultPlan', () => {
  it('picks invokes by every/at and counts inits separately', () => {
    const plan = new FaultPlan(
      resolveConfig({ faults: { throttle: { every: 3 }, serverError: { at: [2] }, dropConnection: { at: [4], when: 'after' }, latency: { at: [1], ms: 5 }, crashOnInit: { at: [2] } } }).faults,
    );
    const picks = Array.from({ length: 6 }, () => plan.nextInvoke());
    assert.deepEqual(picks.map((p) => p.throttle), [false, false, true, false, false, true]);
    assert.deepEqual(picks.map((p) => p.serverErrorStatus), [undefined, 503, undefined, undefined, undefined, undefined]);
    assert.deepEqual(picks.map((p) => p.drop), [undefined, undefined, undefined, 'after', undefined, undefined]);
    assert.deepEqual(picks.map((p) => p.latencyMs), [5, 0, 0, 0, 0, 0]);
    assert.deepEqual([plan.nextInitCrashes(), plan.nextInitCrashes(), plan.nextInitCrashes()], [false, true, false]);
  });
});

describe('resolveConfig', () => {
  it("fills OpenWhisk's defaults", () => {
    const config = resolveConfig({});
    assert.deepEqual(
      [config.userMemoryMb, config.pauseGraceMs, config.idleTimeoutMs, config.blockingWaitMs],
      [1024, 10_000, 600_000, 60_000],
    );
    assert.deepEqual(config.throttle, {});
  });

  it('names the field of a mistake', () => {
    assert.throws(() => resolveConfig({ faults: { latency: { ms: -1 } } }, 'whisk.json'), /^InputError: whisk\.json: faults\.latency\.ms: /);
    assert.throws(() => resolveConfig({ throttle: { perMinute: 3 } }, 'x.json'), /x\.json: throttle: Unrecognized key: "perMinute"/);
  });
});
