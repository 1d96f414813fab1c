// The whisk.system/alarms feed on the embedded server, driven by the client's feed lifecycle
// (openwhisk-client-js lib/feeds.js: a blocking invoke of the feed action with lifecycleEvent
// CREATE/READ/UPDATE/DELETE, triggerName `/ns/trigger`, authKey and the feed parameters), firing
// its trigger as Triggers.scala fires one (see test/local/api/triggers.test.ts).
import assert from 'node:assert/strict';
import { rejection, sleep, startWhisk, waitForRecord, type Record, type Started } from '../helpers.js';

type Listed = { activationId: string; name: string };

describe('local server: the alarms feed', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
    await s.ow.actions.create({ name: 'pulse', action: 'function main(p) { return { beat: p.k }; }' });
  });
  after(() => s.whisk.close());

  async function triggerActivations(name: string): Promise<Listed[]> {
    const all = (await s.ow.activations.list({ limit: 200 })) as unknown as Listed[];
    return all.filter((a) => a.name === name);
  }

  it('fires a trigger every second from a 6-field cron alarm until the feed is deleted', async () => {
    await s.ow.triggers.create({ name: 'beat' });
    await s.ow.rules.create({ name: 'beat-pulse', trigger: 'beat', action: 'pulse' });
    const created = (await s.ow.feeds.create({ name: '/whisk.system/alarms/alarm', trigger: 'beat', params: { cron: '* * * * * *', trigger_payload: { k: 'v' } } })) as unknown as Record;
    assert.equal(created.response.status, 'success');
    const read = (await s.ow.feeds.get({ name: '/whisk.system/alarms/alarm', trigger: 'beat' })) as unknown as Record;
    const config = (read.response.result as { config: { [k: string]: unknown } }).config;
    assert.deepEqual([config.cron, config.triggerName, config.payload], ['* * * * * *', '/guest/beat', { k: 'v' }]);
    // The client sends its key as `authKey`; the provider keeps none of it.
    assert.equal(JSON.stringify(read).includes(s.whisk.auth.split(':')[1]!), false);
    await sleep(3_400);
    await s.ow.feeds.delete({ name: '/whisk.system/alarms/alarm', trigger: 'beat' });
    await sleep(300);
    const fired = await triggerActivations('beat');
    assert.ok(fired.length >= 3 && fired.length <= 5, `fired ${fired.length} times in 3.4 s`);
    const first = await waitForRecord(s.ow, fired[0]!.activationId);
    assert.deepEqual(first.response.result, { k: 'v' });
    const ruleLine = JSON.parse(first.logs[0]!) as { activationId: string; rule: string };
    assert.equal(ruleLine.rule, 'guest/beat-pulse');
    assert.deepEqual((await waitForRecord(s.ow, ruleLine.activationId)).response.result, { beat: 'v' });
    // After DELETE the alarm is gone: no more firings.
    await sleep(1_500);
    assert.equal((await triggerActivations('beat')).length, fired.length);
    const again = await rejection(s.ow.feeds.get({ name: '/whisk.system/alarms/alarm', trigger: 'beat' }));
    assert.equal(again.statusCode, 502);
  });

  it('fires a `once` alarm once, and accepts an `interval` alarm in minutes', async () => {
    await s.ow.triggers.create({ name: 'later' });
    await s.ow.rules.create({ name: 'later-pulse', trigger: 'later', action: 'pulse' });
    await s.ow.feeds.create({ name: '/whisk.system/alarms/once', trigger: 'later', params: { date: new Date(Date.now() + 500).toISOString() } });
    await sleep(1_800);
    assert.equal((await triggerActivations('later')).length, 1);
    await s.ow.feeds.create({ name: '/whisk.system/alarms/interval', trigger: 'later', params: { minutes: 5 } });
    const read = (await s.ow.feeds.get({ name: '/whisk.system/alarms/interval', trigger: 'later' })) as unknown as Record;
    assert.equal((read.response.result as { config: { minutes: number } }).config.minutes, 5);
    await s.ow.feeds.update({ name: '/whisk.system/alarms/interval', trigger: 'later', params: { minutes: 7 } });
    await s.ow.feeds.delete({ name: '/whisk.system/alarms/interval', trigger: 'later' });
  });

  it('answers a bad schedule or a missing trigger as an application error (502 on the blocking invoke)', async () => {
    const bad = await rejection(s.ow.feeds.create({ name: '/whisk.system/alarms/alarm', trigger: 'beat', params: { cron: 'every day' } }));
    assert.equal(bad.statusCode, 502);
    assert.match(bad.message, /cron pattern 'every day' is not valid/);
    const ghost = await rejection(s.ow.feeds.create({ name: '/whisk.system/alarms/alarm', trigger: 'ghost', params: { cron: '* * * * *' } }));
    assert.equal(ghost.statusCode, 502);
  });
});
