// One activation id is one activation (issue 10): a file given twice or overlapping exports count
// each activation once, with a warning; the same id with other contents is an error naming both places.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ingestFiles, messages as msg } from '../../src/ingest/index.js';
import { dropDuplicates } from '../../src/ingest/duplicates.js';
import { ActivationStore } from '../../src/table/store.js';
import { row } from '../analyze/table.js';
import { runCli } from '../helpers/cli.js';
import { fixture, peer, PEER_FILES, tempFile, throwsInput } from './helpers.js';

describe('ingest: duplicate activations', () => {
  it('keeps the first of each id among 300,000, ids whose hashes collide told apart (against a Set)', () => {
    // 300,000 distinct ids give about five pairs of equal 32-bit hashes: counted below, so the
    // test knows it met them. Then every seventh row again, in another order, and null ids.
    const distinct = Array.from({ length: 300_000 }, (_, i) => ({ ...row({ runtime: 'r', wait: i % 97, duration: i % 1000 }), activation_id: `${(i * 2654435761 >>> 0).toString(16)}-${i}` }));
    const repeats = distinct.filter((_, i) => i % 7 === 0).reverse();
    const nulls = Array.from({ length: 5 }, (_, i) => ({ ...row({ runtime: 'r', wait: i, duration: 1 }), activation_id: null }));
    const rows = [...distinct, ...nulls, ...repeats];
    const store = ActivationStore.fromRows(rows);
    const byHash = new Map<number, Set<string>>();
    for (let i = 0; i < distinct.length; i++) {
      const hash = store.ids.hash(i);
      byHash.set(hash, (byHash.get(hash) ?? new Set()).add(distinct[i].activation_id!));
    }
    assert.ok([...byHash.values()].some((ids) => ids.size > 1), 'some distinct ids share a hash');
    const table = { sources: [], warnings: [] as string[] };
    dropDuplicates(store, table);
    const seen = new Set<string>();
    const expected = rows.filter((r) => r.activation_id === null || (!seen.has(r.activation_id) && seen.add(r.activation_id)));
    assert.deepEqual(store.rows(), expected);
    assert.deepEqual(table.warnings, [msg.duplicatesDropped(repeats.length)]);
  });

  it('counts a file given twice once, saying how many were dropped', () => {
    const once = ingestFiles([peer(PEER_FILES.wasmCold)]);
    const twice = ingestFiles([peer(PEER_FILES.wasmCold), peer(PEER_FILES.wasmCold)]);
    assert.deepEqual(twice.activations, once.activations);
    assert.deepEqual(twice.warnings, [msg.duplicatesDropped(15)]);
  });

  it('counts overlapping exports once (the second export repeats two records)', () => {
    const lines = readFileSync(fixture('statuses.ndjson'), 'utf8').trimEnd().split('\n');
    const first = tempFile('export-1.ndjson', lines.slice(0, 4).join('\n') + '\n');
    const second = tempFile('export-2.ndjson', lines.slice(2).join('\n') + '\n');
    const table = ingestFiles([first, second]);
    assert.equal(table.activations.length, lines.length);
    assert.deepEqual(table.warnings, [msg.duplicatesDropped(2)]);
  });

  it('refuses one id with other contents, naming both files', () => {
    const lines = readFileSync(fixture('statuses.ndjson'), 'utf8').trimEnd().split('\n');
    const changed = JSON.parse(lines[0]) as { duration: number; activationId: string };
    changed.duration = 305;
    const first = tempFile('a.ndjson', lines[0] + '\n');
    const second = tempFile('b.ndjson', `${lines[1]}\n${JSON.stringify(changed)}\n`);
    throwsInput(() => ingestFiles([first, second]), second, 'activation 2',
      msg.duplicateDiffers(changed.activationId, first, 1, 'duration_ms', 300, 305));
  });

  it('owbench analyze: the warning on stderr for repeats, exit 2 and no stack for a conflict', () => {
    const twice = runCli(['analyze', fixture('statuses.ndjson'), fixture('statuses.ndjson'), '--json']);
    assert.equal(twice.status, 0);
    assert.equal(twice.stderr, `owbench: warning: ${msg.duplicatesDropped(7)}\n`);
    const lines = readFileSync(fixture('statuses.ndjson'), 'utf8').trimEnd().split('\n');
    const changed = tempFile('changed.ndjson', lines.map((l, i) => (i === 6 ? l.replace('"duration": 75', '"duration": 76') : l)).join('\n') + '\n');
    const conflict = runCli(['analyze', fixture('statuses.ndjson'), changed]);
    assert.equal(conflict.status, 2);
    assert.match(conflict.stderr, /^owbench: .*changed\.ndjson: activation 7: activation id [0-9a-f]{32} was already read from .*statuses\.ndjson \(activation 7\) with other contents \(duration_ms 75 there, 76 here\)/);
    assert.doesNotMatch(conflict.stderr, /\n\s+at /);
    assert.equal(conflict.stdout, '');
  });
});
