// The whisk.system catalog on the embedded server: its published packages readable and its utils
// actions invocable by every user (OpenWhisk's installed catalog: openwhisk-catalog packages/utils),
// writes refused, and any other namespace refused with 403 as the entitlement check refuses it
// (ErrorResponse.scala Messages.notAuthorizedtoOperateOnResource; OPENWHISK.md §2.1).
import assert from 'node:assert/strict';
import { annotation, rejection, startWhisk, type Record, type Started } from '../helpers.js';

describe('local server: the whisk.system catalog', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
  });
  after(() => s.whisk.close());

  it('lists the published packages of whisk.system and the utils actions', async () => {
    const packages = (await s.ow.packages.list({ namespace: 'whisk.system' })) as unknown as Array<{ name: string; publish: boolean }>;
    assert.deepEqual(packages.map((p) => p.name).sort(), ['alarms', 'utils']);
    const utils = (await s.ow.packages.get({ name: '/whisk.system/utils' })) as unknown as { actions: Array<{ name: string }> };
    for (const name of ['echo', 'cat', 'sort', 'split', 'head', 'date', 'namespace']) assert.ok(utils.actions.some((a) => a.name === name), name);
    const actions = (await s.ow.actions.list({ namespace: 'whisk.system', limit: 200 })) as unknown as Array<{ namespace: string }>;
    assert.deepEqual([...new Set(actions.map((a) => a.namespace))].sort(), ['whisk.system/alarms', 'whisk.system/utils']);
    const alarms = (await s.ow.packages.get({ name: '/whisk.system/alarms' })) as unknown as { feeds: Array<{ name: string }> };
    // withPackageActions: actions with the `feed` annotation are listed as feeds.
    assert.deepEqual(alarms.feeds.map((f) => f.name).sort(), ['alarm', 'interval', 'once']);
  });

  it('runs the utils actions for any user, recorded in the user namespace with the catalog path', async () => {
    const invoke = (name: string, params: object) => s.ow.actions.invoke({ name: `/whisk.system/utils/${name}`, blocking: true, result: true, params });
    assert.deepEqual(await invoke('echo', { a: 1 }), { a: 1 });
    assert.deepEqual(await invoke('sort', { lines: ['b', 'c', 'a'] }), { lines: ['a', 'b', 'c'], length: 3 });
    assert.deepEqual(await invoke('split', { payload: 'x,y', separator: ',' }), { lines: ['x', 'y'] });
    assert.deepEqual(await invoke('head', { lines: ['1', '2', '3'], num: 2 }), { lines: ['1', '2'] });
    assert.deepEqual(await invoke('cat', { lines: ['p', 'q'] }), { lines: ['p', 'q'], payload: 'p\nq' });
    assert.deepEqual(await invoke('namespace', {}), { namespace: 'guest' });
    const date = (await invoke('date', {})) as { date: string };
    assert.ok(Math.abs(Date.parse(date.date) - Date.now()) < 10_000);
    const record = (await s.ow.actions.invoke({ name: '/whisk.system/utils/echo', blocking: true })) as unknown as Record;
    // OPENWHISK.md §1.3: `namespace` is the invoking subject's; the path names the catalog action.
    assert.equal(record.namespace, 'guest');
    assert.equal(annotation(record, 'path'), 'whisk.system/utils/echo');
  });

  it('binds a catalog package into the user namespace', async () => {
    await s.ow.packages.create({ name: 'myutils', package: { binding: { namespace: 'whisk.system', name: 'utils' }, parameters: [{ key: 'lines', value: ['z', 'y'] }] } });
    const record = (await s.ow.actions.invoke({ name: 'myutils/sort', blocking: true })) as unknown as Record;
    assert.deepEqual(record.response.result, { lines: ['y', 'z'], length: 2 });
    assert.equal(annotation(record, 'binding'), 'guest/myutils');
  });

  it('refuses writes to whisk.system and any access to another namespace with 403', async () => {
    const write = await rejection(s.ow.actions.create({ name: '/whisk.system/utils/mine', action: 'function main() { return {}; }' }));
    assert.deepEqual([write.statusCode, write.error.error], [403, 'The supplied authentication is not authorized to access this resource.']);
    assert.equal((await rejection(s.ow.actions.delete({ name: '/whisk.system/utils/echo' }))).statusCode, 403);
    assert.equal((await rejection(s.ow.triggers.list({ namespace: 'whisk.system' }))).statusCode, 403);
    assert.equal((await rejection(s.ow.actions.list({ namespace: 'someone.else' }))).statusCode, 403);
    assert.equal((await rejection(s.ow.actions.invoke({ name: '/someone.else/thing', blocking: true }))).statusCode, 403);
    assert.equal((await rejection(s.ow.actions.get({ name: '/whisk.system/utils/ghost' }))).statusCode, 404);
    // apimgmt is not published: readable through the REST API by no other namespace (it is reached as web actions).
    assert.equal((await rejection(s.ow.packages.get({ name: '/whisk.system/apimgmt' }))).statusCode, 403);
    assert.equal((await rejection(s.ow.actions.invoke({ name: '/whisk.system/apimgmt/getApi', blocking: true }))).statusCode, 403);
  });
});
