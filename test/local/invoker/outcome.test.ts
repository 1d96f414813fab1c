// How proxy answers become status codes (OW ActivationResult), on hand-made answers.
import assert from 'node:assert/strict';
import type { ProxyAnswer } from '../../../src/local/container.js';
import { initOutcome, runOutcome, startupFailure } from '../../../src/local/invoker/outcome.js';

const answer = (over: Partial<ProxyAnswer>): ProxyAnswer => ({ statusCode: 200, body: {}, logs: [], timedOut: false, crashed: false, ...over });

describe('outcome', () => {
  it('reads /run answers: success, application error, developer error, timeout, crash', () => {
    assert.equal(runOutcome(answer({ body: { x: 1 } }), 1000, 5).statusCode, 0);
    assert.equal(runOutcome(answer({ body: { error: 'no' } }), 1000, 5).statusCode, 1);
    const dev = runOutcome(answer({ statusCode: 502, body: { error: 'An error has occurred: boom' } }), 1000, 5);
    assert.deepEqual([dev.statusCode, dev.result, dev.destroyContainer], [2, { error: 'An error has occurred: boom' }, false]);
    const late = runOutcome(answer({ statusCode: 502, timedOut: true }), 300, 301);
    assert.deepEqual([late.statusCode, late.timedOut, late.destroyContainer], [2, true, true]);
    assert.deepEqual(late.result, { error: 'The action exceeded its time limits of 300 milliseconds.' });
    const crash = runOutcome(answer({ statusCode: 502, crashed: true }), 1000, 5);
    assert.deepEqual([crash.statusCode, crash.destroyContainer], [2, true]);
    assert.equal(runOutcome(answer({ body: { a: 'b' } }), 1000, 5).size, '{"a":"b"}'.length);
  });

  it('reads /init answers: null when fine, developer error otherwise', () => {
    assert.equal(initOutcome(answer({}), 1000, 5), null);
    const bad = initOutcome(answer({ statusCode: 502, body: { error: 'Initialization has failed due to: x' } }), 1000, 5)!;
    assert.deepEqual([bad.statusCode, bad.result], [2, { error: 'Initialization has failed due to: x' }]);
    const late = initOutcome(answer({ statusCode: 502, timedOut: true }), 300, 300)!;
    assert.deepEqual(late.result, { error: 'The action exceeded its time limits of 300 milliseconds during initialization.' });
  });

  it('makes a missing blackbox image a developer error and other start failures whisk errors', () => {
    assert.deepEqual(startupFailure('blackbox', 'img', 'x').result, { error: "Failed to pull container image 'img'." });
    assert.equal(startupFailure('blackbox', 'img', 'x').statusCode, 2);
    assert.equal(startupFailure('nodejs:20', undefined, 'x').statusCode, 3);
  });
});
