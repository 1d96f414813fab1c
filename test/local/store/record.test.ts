// buildRecord against hand-computed timelines: OpenWhisk's start/duration/waitTime/initTime rules.
import assert from 'node:assert/strict';
import { buildRecord, summarize, type RecordInput } from '../../../src/local/store/record.js';

const base: Omit<RecordInput, 'timeline'> = {
  activationId: 'a'.repeat(32),
  namespace: 'guest',
  subject: 'guest',
  action: { name: 'act', path: 'guest/act', version: '0.0.1', kind: 'nodejs:20', limits: { concurrency: 1, logs: 10, memory: 256, timeout: 60000 } },
  statusCode: 0,
  result: { ok: true },
  size: 11,
  timedOut: false,
  logs: [],
};
const ann = (r: ReturnType<typeof buildRecord>) => Object.fromEntries(r.annotations.map((a) => [a.key, a.value]));

describe('buildRecord', () => {
  it('cold: start moves back by initTime, duration = initTime + run, waitTime ends at /init', () => {
    // receipt 1000, /init 1010–1030 (20 ms), /run 1032–1050 (18 ms)
    const r = buildRecord({ ...base, timeline: { receivedAt: 1000, init: { start: 1010, end: 1030 }, run: { start: 1032, end: 1050 } } });
    assert.deepEqual([r.start, r.end, r.duration], [1012, 1050, 38]);
    assert.equal(ann(r).waitTime, 10);
    assert.equal(ann(r).initTime, 20);
    assert.deepEqual(r.annotations.map((a) => a.key), ['path', 'waitTime', 'kind', 'timeout', 'limits', 'initTime']);
    assert.deepEqual(r.response, { result: { ok: true }, size: 11, status: 'success', success: true });
  });

  it('warm: no initTime key, waitTime ends at /run', () => {
    const r = buildRecord({ ...base, timeline: { receivedAt: 1000, run: { start: 1004, end: 1010 } } });
    assert.deepEqual([r.start, r.end, r.duration], [1004, 1010, 6]);
    assert.equal(ann(r).waitTime, 4);
    assert.equal('initTime' in ann(r), false);
  });

  it('failed init: the record is the init interval, with initTime', () => {
    const r = buildRecord({ ...base, statusCode: 2, timedOut: true, timeline: { receivedAt: 1000, init: { start: 1100, end: 1400 } } });
    assert.deepEqual([r.start, r.end, r.duration], [1100, 1400, 300]);
    assert.equal(ann(r).initTime, 300);
    assert.equal(ann(r).timeout, true);
    assert.deepEqual([r.response.status, r.response.success], ['action developer error', false]);
  });

  it('no container: duration 0 at the failure, waitTime covers the failed start', () => {
    const r = buildRecord({ ...base, statusCode: 3, timeline: { receivedAt: 1000, failedAt: 1250 } });
    assert.deepEqual([r.start, r.end, r.duration], [1250, 1250, 0]);
    assert.equal(ann(r).waitTime, 250);
    assert.equal(r.response.status, 'whisk internal error');
  });

  it('summarizes for the list view with a numeric statusCode and no response or logs', () => {
    const r = buildRecord({ ...base, statusCode: 1, result: { error: 'x' }, timeline: { receivedAt: 0, run: { start: 1, end: 3 } } });
    const s = summarize(r);
    assert.equal(s.statusCode, 1);
    assert.equal('response' in s || 'logs' in s, false);
  });
});
