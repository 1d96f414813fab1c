// Listing activations through the openwhisk client: newest first, limit/skip paging, name, since,
// upto, docs and count, with OpenWhisk's bounds (limit 0..200, default 30).
import assert from 'node:assert/strict';
import { rejection, startWhisk, type Record, type Started } from './helpers.js';

interface Summary {
  activationId: string;
  name: string;
  start: number;
  end: number;
  duration: number;
  statusCode: number;
  [key: string]: unknown;
}

describe('local server: listing activations through the openwhisk client', function () {
  this.timeout(30_000);
  let s: Started;
  const ids: string[] = []; // in invocation order
  const starts: number[] = [];
  const names: string[] = [];

  before(async () => {
    s = await startWhisk();
    await s.ow.actions.create({ name: 'one', action: 'function main(p) { return { i: p.i }; }' });
    await s.ow.packages.create({ name: 'pkg' }); // an action in a package needs the package (404 otherwise)
    await s.ow.actions.create({ name: 'pkg/two', action: 'function main(p) { return p.i % 2 ? { error: "odd" } : { i: p.i }; }' });
    // 33 activations, one at a time so their starts are ordered: 18 of `one`, 15 of `pkg/two`.
    for (let i = 0; i < 33; i++) {
      const name = i % 3 === 2 || i >= 27 ? 'pkg/two' : 'one';
      const record = (await s.ow.actions.invoke({ name, blocking: true, params: { i } }).catch((e) => e.error)) as Record;
      ids.push(record.activationId);
      starts.push(record.start);
      names.push(name);
    }
  });
  after(() => s.whisk.close());

  it('lists newest first, 30 by default, as summaries without response or logs', async () => {
    const list = (await s.ow.activations.list()) as Summary[];
    assert.equal(list.length, 30);
    assert.deepEqual(
      list.map((a) => a.activationId),
      ids.slice(-30).reverse(),
    );
    for (const item of list) {
      assert.deepEqual(Object.keys(item).sort(), [
        'activationId', 'annotations', 'duration', 'end', 'name', 'namespace', 'publish', 'start', 'statusCode', 'version',
      ]);
      assert.equal(item.duration, item.end - item.start);
    }
    assert.deepEqual(new Set(list.map((a) => a.statusCode)), new Set([0, 1]));
  });

  it('pages with limit and skip; limit 0 means 200; above 200 is a 400', async () => {
    const page = (await s.ow.activations.list({ limit: 5, skip: 10 })) as Summary[];
    assert.deepEqual(page.map((a) => a.activationId), ids.slice().reverse().slice(10, 15));
    assert.equal(((await s.ow.activations.list({ limit: 0 })) as Summary[]).length, 33);
    assert.equal(((await s.ow.activations.list({ limit: 200, skip: 30 })) as Summary[]).length, 3);
    const tooMany = await rejection(s.ow.activations.list({ limit: 201 }));
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.error.error, "The value '201' is not in the range of 0 to 200 for activations.");
    assert.equal((await rejection(s.ow.activations.list({ skip: -1 }))).statusCode, 400);
  });

  it('filters by name (simple or package/name), since and upto (inclusive, on start)', async () => {
    const one = (await s.ow.activations.list({ name: 'one', limit: 200 })) as Summary[];
    const two = (await s.ow.activations.list({ name: 'pkg/two', limit: 200 })) as Summary[];
    assert.deepEqual(one.map((a) => a.activationId), ids.filter((_, i) => names[i] === 'one').reverse());
    assert.deepEqual(two.map((a) => a.activationId), ids.filter((_, i) => names[i] === 'pkg/two').reverse());
    assert.equal(two.length, 15);
    assert.ok(two.every((a) => a.name === 'two'));
    assert.equal(((await s.ow.activations.list({ name: 'two' })) as Summary[]).length, 0, 'the package is part of the name');
    assert.equal((await rejection(s.ow.activations.list({ name: 'a/b/c' }))).statusCode, 400);

    const since = starts[20]!;
    const upto = starts[25]!;
    const window = (await s.ow.activations.list({ since, upto, limit: 200 })) as Summary[];
    const expected = ids.filter((_, i) => starts[i]! >= since && starts[i]! <= upto).reverse();
    assert.deepEqual(window.map((a) => a.activationId), expected);
    assert.ok(window.length >= 6);
  });

  it('returns full records with docs=true and a count with count=true', async () => {
    const docs = (await s.ow.activations.list({ docs: true, limit: 3 })) as Record[];
    assert.equal(docs.length, 3);
    for (const record of docs) {
      assert.ok(Array.isArray(record.logs));
      assert.equal(typeof record.response.success, 'boolean');
    }
    assert.deepEqual(await s.ow.activations.list({ count: true, name: 'pkg/two' }), { activations: 15 });
    assert.equal((await rejection(s.ow.activations.list({ count: true, docs: true }))).statusCode, 400);
  });
});
