// The walk's paging against the embedded server's own store (src/local/store/activations.ts,
// OpenWhisk's list semantics: newest first, since/upto inclusive on start, skip within them),
// filled with records whose starts tie across page boundaries, as bursts of concurrent
// activations do, and growing while the walk goes.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivationStore } from '../../src/local/store/activations.js';
import type { ActivationRecord } from '../../src/local/store/record.js';
import type { ActivationSource, PageQuery } from '../../src/openwhisk/fetch-source.js';
import { walkWindow } from '../../src/openwhisk/fetch-walk.js';
import type { FetchWindow } from '../../src/openwhisk/fetch-window.js';

function record(start: number, name = 'noop'): ActivationRecord {
  return {
    activationId: randomBytes(16).toString('hex'),
    annotations: [{ key: 'path', value: `guest/${name}` }, { key: 'kind', value: 'nodejs:20' }, { key: 'waitTime', value: 3 }],
    duration: 2,
    end: start + 2,
    logs: [],
    name,
    namespace: 'guest',
    publish: false,
    response: { result: {}, status: 'success', success: true },
    start,
    subject: 'guest',
    version: '0.0.1',
  };
}

/** The store as a source, counting the requests; `during` runs before each page is answered. */
function storeSource(store: ActivationStore, during: (query: PageQuery) => void = () => {}): ActivationSource & { requests: PageQuery[] } {
  const requests: PageQuery[] = [];
  const filters = (q: { name: string | null; since: number | null; upto: number }) => ({
    ...(q.name !== null ? { name: q.name } : {}),
    ...(q.since !== null ? { since: q.since } : {}),
    upto: q.upto,
  });
  return {
    requests,
    async list(query) {
      requests.push(query);
      during(query);
      return store.list({ ...filters(query), skip: query.skip, limit: query.limit, docs: true });
    },
    async count(query) {
      return store.count(filters(query));
    },
  };
}

async function walkedIds(source: ActivationSource, window: FetchWindow, pageSize?: number): Promise<string[]> {
  const seen = new Set<string>();
  for await (const page of walkWindow(source, window, { pageSize })) for (const r of page) seen.add(r.activationId);
  return [...seen];
}

describe('fetch walk: paging by upto over a real store', () => {
  // The embedded server's own file-backed store, in a folder of this test's.
  const folders: string[] = [];
  after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function newStore(): ActivationStore {
    const dir = mkdtempSync(path.join(tmpdir(), 'owbench-fetch-walk-'));
    folders.push(dir);
    return new ActivationStore({ dir, segmentBytes: 4 * 1024 * 1024, maxBytes: 64 * 1024 * 1024, fsync: 'rotate' });
  }
  // Starts chosen to tie at page boundaries: 450 in one ms (more than two pages), exactly 200 in
  // another, runs of 3 and 199, and a spread of single ones.
  const clusters: [number, number][] = [[1000, 450], [999, 3], [998, 199], [997, 200], [996, 1], [990, 201]];
  function filled(): { store: ActivationStore; all: ActivationRecord[] } {
    const store = newStore();
    const all: ActivationRecord[] = [];
    for (const [start, n] of clusters) for (let i = 0; i < n; i++) all.push(record(start));
    for (let start = 500; start < 990; start += 7) all.push(record(start, start % 2 ? 'noop' : 'pkg/other'));
    for (const r of all) store.put(r);
    return { store, all };
  }

  for (const pageSize of [200, 7]) {
    it(`lists every record exactly once across tied starts (pages of ${pageSize})`, async () => {
      const { store, all } = filled();
      const source = storeSource(store);
      const ids = await walkedIds(source, { name: null, since: null, upto: 1000 }, pageSize);
      assert.equal(ids.length, all.length);
      assert.deepEqual(new Set(ids), new Set(all.map((r) => r.activationId)));
      // Bounded work: at most the records' pages plus one overlap page per boundary and per tied ms.
      assert.ok(source.requests.length <= Math.ceil(all.length / pageSize) * 2 + clusters.length + 2, `${source.requests.length} requests`);
      assert.ok(source.requests.every((q) => q.limit === pageSize));
    });
  }

  it('keeps to the window and the name, with both bounds inclusive', async () => {
    const { store, all } = filled();
    const ids = await walkedIds(storeSource(store), { name: 'pkg/other', since: 598, upto: 990 });
    const expected = all.filter((r) => r.name === 'pkg/other' && r.start >= 598 && r.start <= 990).map((r) => r.activationId);
    assert.ok(expected.length > 10);
    assert.deepEqual(new Set(ids), new Set(expected));
    const edges = await walkedIds(storeSource(store), { name: null, since: 997, upto: 998 }, 50);
    assert.equal(edges.length, 399);
  });

  it('loses and duplicates nothing while the store grows with newer activations', async () => {
    const { store, all } = filled();
    let now = 1001;
    // Before every page: a burst of new activations, all newer than the window's upto.
    const source = storeSource(store, () => {
      for (let i = 0; i < 60; i++) store.put(record(now));
      now += 1;
    });
    const walked: string[] = [];
    for await (const page of walkWindow(source, { name: null, since: null, upto: 1000 })) walked.push(...page.map((r) => r.activationId));
    const unique = new Set(walked);
    assert.deepEqual(unique, new Set(all.map((r) => r.activationId)));
    assert.ok(store.count({}) > all.length + 300, 'the store grew during the walk');
  });

  it('stops with a named error when a server ignores upto', async () => {
    const store = newStore();
    for (let i = 0; i < 300; i++) store.put(record(2000 + i));
    const ignoring: ActivationSource = {
      list: async (q) => store.list({ skip: q.skip, limit: q.limit, docs: true }),
      count: async () => store.count({}),
    };
    await assert.rejects(walkedIds(ignoring, { name: null, since: null, upto: 2100 }), /outside the requested since\/upto window/);
  });
});
