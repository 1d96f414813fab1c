// The activation store on real files (issue 15 item 6): records survive reopening the folder,
// segments rotate at their size, the oldest are dropped past the bound (files and index entries
// both), and a line a crash cut short is dropped without losing the records before it.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivationStore } from '../../../src/local/store/activations.js';
import { buildRecord, type ActivationRecord } from '../../../src/local/store/record.js';

function record(i: number, name = 'act', logBytes = 0): ActivationRecord {
  return buildRecord({
    activationId: i.toString(16).padStart(32, '0'),
    namespace: 'guest',
    subject: 'guest',
    action: { name, path: `guest/${name}`, version: '0.0.1', kind: 'nodejs:20', limits: { concurrency: 1, logs: 10, memory: 256, timeout: 60000 } },
    statusCode: i % 5 === 0 ? 1 : 0,
    result: { i },
    timedOut: false,
    logs: logBytes ? ['x'.repeat(logBytes)] : [],
    timeline: { receivedAt: 1_000_000 + i * 10, run: { start: 1_000_000 + i * 10 + 1, end: 1_000_000 + i * 10 + 5 } },
  });
}

const all = { skip: 0, limit: Infinity, docs: true };
const options = { segmentBytes: 64 * 1024, maxBytes: 256 * 1024, fsync: 'rotate' as const };

describe('activation store: append-only segment files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'owbench-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the same records after the folder is reopened: get, list order, filters, count', () => {
    const store = new ActivationStore({ dir, ...options });
    for (let i = 1; i <= 40; i++) store.put(record(i, i % 2 ? 'odd' : 'pkg/even'));
    const before = store.list(all);
    store.close();
    const reopened = new ActivationStore({ dir, ...options });
    assert.deepEqual(reopened.list(all), before);
    assert.deepEqual(reopened.get(record(7).activationId), record(7, 'odd'));
    assert.deepEqual(
      reopened.list({ skip: 2, limit: 3, docs: false, name: 'pkg/even' }).map((r) => r.activationId),
      [36, 34, 32].map((i) => record(i).activationId),
    );
    assert.equal(reopened.count({ since: record(11).start, upto: record(20).start }), 10);
    reopened.put(record(41));
    assert.equal(reopened.list(all)[0]!.activationId, record(41).activationId);
    reopened.close();
  });

  it('rotates segments and drops the oldest past the bound, files and index entries alike', () => {
    const store = new ActivationStore({ dir, ...options });
    const n = 600; // about 1 KB each: 600 KB written against a 256 KB bound
    for (let i = 1; i <= n; i++) store.put(record(i, 'act', 700));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ndjson'));
    const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
    assert.ok(bytes <= options.maxBytes, `${bytes} bytes on disk`);
    assert.ok(files.length >= 3 && files.length <= 4, `${files.length} segments`);
    assert.ok(!files.includes('000001.ndjson'), 'the first segment was dropped');
    const { records, segments } = store.stats();
    assert.equal(segments, files.length);
    const kept = store.list(all) as ActivationRecord[];
    assert.equal(kept.length, records);
    assert.ok(records < n / 2 && records > 150, `${records} records kept`);
    // What is kept is the newest, contiguous run; the dropped ones are gone from get as well.
    assert.deepEqual(kept.map((r) => r.activationId), Array.from({ length: records }, (_, k) => record(n - k).activationId));
    assert.equal(store.get(record(1).activationId), undefined);
    store.close();
    assert.equal(new ActivationStore({ dir, ...options }).stats().records, records);
  });

  it('keeps one file open however many segments it holds', () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const store = new ActivationStore({ dir, segmentBytes: 4096, maxBytes: 64 * 1024 * 1024, fsync: 'always' });
    for (let i = 1; i <= 300; i++) store.put(record(i, 'act', 700));
    assert.ok(store.stats().segments >= 60, `${store.stats().segments} segments`);
    assert.equal(store.list({ ...all, limit: 300 }).length, 300);
    assert.ok(openFiles() - before <= 1, `${openFiles() - before} more open files`);
    store.close();
    assert.equal(openFiles(), before);
  });

  it('drops a torn last line (a crash mid-write) and appends cleanly after it', () => {
    const store = new ActivationStore({ dir, ...options });
    for (let i = 1; i <= 5; i++) store.put(record(i));
    store.close();
    appendFileSync(path.join(dir, '000001.ndjson'), JSON.stringify(record(6)).slice(0, 50));
    const reopened = new ActivationStore({ dir, ...options });
    assert.equal(reopened.stats().records, 5);
    reopened.put(record(7));
    reopened.close();
    const again = new ActivationStore({ dir, ...options });
    assert.deepEqual(again.list(all).map((r) => r.activationId), [7, 5, 4, 3, 2, 1].map((i) => record(i).activationId));
    again.close();
  });

  it('hides a record for the store lag, then shows it', async () => {
    const store = new ActivationStore({ dir, ...options, lagMs: () => 100 });
    store.put(record(1));
    assert.equal(store.get(record(1).activationId), undefined);
    assert.equal(store.count({}), 0);
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.deepEqual(store.get(record(1).activationId), record(1));
    store.close();
  });
});
