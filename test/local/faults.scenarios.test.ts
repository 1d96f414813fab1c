// Throttling and injected faults through the openwhisk client, as the driver will meet them:
// 429 bodies, 5xx, dropped connections, latency, activation-store lag, containers crashing on init.
import assert from 'node:assert/strict';
import { annotation, hasAnnotation, rejection, sleep, startWhisk, waitForRecord, type Record } from './helpers.js';

const ECHO = 'function main(p) { return { n: p.n }; }';

/** The per-minute window is a calendar minute: start a counting test well inside one. */
async function awayFromMinuteEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 55_000) await sleep(60_000 - intoMinute + 50);
}

describe('local server: throttling and fault injection through the openwhisk client', function () {
  this.timeout(30_000);

  it('throttles invocations per minute with OpenWhisk 429 body (rejected calls count too)', async () => {
    const s = await startWhisk({ throttle: { invocationsPerMinute: 3 } });
    try {
      await s.ow.actions.create({ name: 'echo', action: ECHO });
      await awayFromMinuteEdge();
      for (let n = 1; n <= 3; n++) await s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n } });
      const fourth = await rejection(s.ow.actions.invoke({ name: 'echo', blocking: true }));
      assert.equal(fourth.statusCode, 429);
      assert.equal(fourth.error.error, 'Too many requests in the last minute (count: 4, allowed: 3).');
      const fifth = await rejection(s.ow.actions.invoke({ name: 'echo' }));
      assert.equal(fifth.error.error, 'Too many requests in the last minute (count: 5, allowed: 3).');
      const list = (await s.ow.activations.list({ name: 'echo' })) as unknown[];
      assert.equal(list.length, 3, 'throttled invocations leave no record');
    } finally {
      await s.whisk.close();
    }
  });

  it('throttles concurrent invocations in flight', async () => {
    const s = await startWhisk({ throttle: { concurrentInvocations: 1 } });
    try {
      await s.ow.actions.create({ name: 'nap', action: 'async function main() { await new Promise(r => setTimeout(r, 500)); return {}; }' });
      const running = s.ow.actions.invoke({ name: 'nap', blocking: true });
      await sleep(50);
      const second = await rejection(s.ow.actions.invoke({ name: 'nap', blocking: true }));
      assert.equal(second.statusCode, 429);
      assert.equal(second.error.error, 'Too many concurrent requests in flight (count: 1, allowed: 1).');
      await running;
      await s.ow.actions.invoke({ name: 'nap', blocking: true }); // free again
    } finally {
      await s.whisk.close();
    }
  });

  it('injects 429s, 5xx and latency on chosen invocations only (counted from 1, in arrival order)', async () => {
    const s = await startWhisk({
      faults: { throttle: { at: [2] }, serverError: { every: 4, status: 503 }, latency: { at: [3], ms: 300 } },
    });
    try {
      await s.ow.actions.create({ name: 'echo', action: ECHO });
      const outcomes: Array<number | string> = [];
      const elapsed: number[] = [];
      const waits: number[] = [];
      for (let n = 1; n <= 8; n++) {
        const t0 = Date.now();
        outcomes.push(
          await s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n } }).then(
            (record) => (waits.push(annotation(record as unknown as Record, 'waitTime') as number), 'ok'),
            (error: { statusCode: number }) => error.statusCode,
          ),
        );
        elapsed.push(Date.now() - t0);
      }
      assert.deepEqual(outcomes, ['ok', 429, 'ok', 503, 'ok', 'ok', 'ok', 503]);
      assert.ok(elapsed[2]! >= 300, `latency on the 3rd: ${elapsed}`);
      assert.ok(waits[1]! < 300, `network latency is not waitTime: ${waits}`);
      assert.equal(((await s.ow.activations.list()) as unknown[]).length, 5, 'failed invocations leave no record');
    } finally {
      await s.whisk.close();
    }
  });

  it('drops connections before (no record) or after (record appears) accepting the activation', async () => {
    const s = await startWhisk({ faults: { dropConnection: { at: [1], when: 'before' } } });
    const t = await startWhisk({ faults: { dropConnection: { at: [1], when: 'after' } } });
    try {
      for (const { ow } of [s, t]) await ow.actions.create({ name: 'echo', action: ECHO });
      const before = await rejection(s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n: 1 } }));
      assert.equal(before.statusCode, undefined);
      assert.match(before.message, /^Unknown Error From API/);
      const after = await rejection(t.ow.actions.invoke({ name: 'echo', blocking: true, params: { n: 1 } }));
      assert.equal(after.statusCode, undefined);
      await sleep(1000);
      assert.equal(((await s.ow.activations.list()) as unknown[]).length, 0);
      const recorded = (await t.ow.activations.list({ docs: true })) as Record[];
      assert.equal(recorded.length, 1);
      assert.equal(recorded[0]!.response.result.n, 1);
    } finally {
      await Promise.all([s.whisk.close(), t.whisk.close()]);
    }
  });

  it('hides finished records for storeLagMs (GET 404), as a lagging activation store does', async () => {
    const s = await startWhisk({ faults: { storeLagMs: 600 } });
    try {
      await s.ow.actions.create({ name: 'echo', action: ECHO });
      const record = (await s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n: 7 } })) as unknown as Record;
      const early = await rejection(s.ow.activations.get({ activationId: record.activationId }));
      assert.equal(early.statusCode, 404);
      assert.equal(early.error.error, 'The requested resource does not exist.');
      assert.equal((await rejection(s.ow.activations.logs({ activationId: record.activationId }))).statusCode, 404);
      await sleep(650);
      const stored = (await s.ow.activations.get({ activationId: record.activationId })) as unknown as Record;
      assert.equal(stored.response.result.n, 7);
    } finally {
      await s.whisk.close();
    }
  });

  it('crashes chosen container inits: developer error with initTime; the next call gets a new container', async () => {
    const s = await startWhisk({ faults: { crashOnInit: { at: [1] } } });
    try {
      await s.ow.actions.create({ name: 'echo', action: ECHO });
      const crash = await rejection(s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n: 1 } }));
      assert.equal(crash.statusCode, 502);
      const record = crash.error as Record;
      assert.equal(record.response.status, 'action developer error');
      assert.deepEqual(record.response.result, { error: 'The action did not initialize and exited unexpectedly.' });
      assert.ok(hasAnnotation(record, 'initTime'));
      const next = (await s.ow.actions.invoke({ name: 'echo', blocking: true, params: { n: 2 } })) as unknown as Record;
      assert.equal(next.response.status, 'success');
      assert.ok(hasAnnotation(next, 'initTime'));
      const stored = await waitForRecord(s.ow, record.activationId);
      assert.equal(annotation(stored, 'timeout'), false);
      assert.equal(s.whisk.poolStats().containers, 1);
    } finally {
      await s.whisk.close();
    }
  });
});
