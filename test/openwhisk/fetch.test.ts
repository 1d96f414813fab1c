// pullActivations (the library's `fetch`) against the embedded server through the openwhisk client:
// 5,000 activations pulled while another client keeps invoking and the store lags, each exactly
// once; a pull stopped by an injected fault (with its last line torn) resumed without loss or
// duplicates; --limit; and the key in no file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { fetch } from '../../src/index.js';
import { partialPathFor } from '../../src/openwhisk/fetch-file.js';
import { connectionOf, tempDir } from './helpers.js';
import { countAll, readNdjson, serverIds, sleep, startFilled, startWriter, waitQuiet, type Filled } from './fetch-helpers.js';

describe('fetch: pulling activations from the embedded server', function () {
  this.timeout(240_000);
  let filled: Filled;
  before(async () => {
    // A record is listed a second after it is stored: the walk passes some before they appear.
    filled = await startFilled(5000, 1000);
  });
  after(() => filled.server.close());

  it('holds each activation of the window exactly once while another client keeps invoking', async () => {
    const { server, ow, since } = filled;
    const out = path.join(tempDir('owbench-fetch-'), 'activations.ndjson');
    const writer = startWriter(ow);
    // Until the writer's records show up (a store lag after they ran), so that some start just before upto.
    const writing = Date.now();
    while ((await countAll(ow, { since: writing })) < 20) await sleep(50);
    const before = writer.invoked();
    const summary = await fetch({ connection: connectionOf(server), out, since, settleMs: 1500 });
    const during = writer.invoked() - before;
    await writer.stop();
    await waitQuiet(ow, 0, filled.storeLagMs);

    const records = readNdjson(out);
    const ids = records.map((r) => r.activationId);
    assert.equal(new Set(ids).size, ids.length, 'no activation twice');
    const expected = await serverIds(ow, { since, upto: summary.window.upto });
    assert.equal(summary.window.since, since);
    assert.deepEqual(new Set(ids), new Set(expected), 'the file is the server\'s window');
    assert.ok(records.length >= 5000, `${records.length} records`);
    assert.equal(summary.activations, records.length);
    assert.ok(during > 20, `the writer invoked ${during} times during the pull`);
    // The store grew past upto during the pull, and records stored late were found by the check.
    assert.ok((await serverIds(ow, { since: summary.window.upto + 1, upto: Date.now() })).length > 0);
    assert.ok(summary.foundByCheck > 0, 'the store lag hid some records from the walk');
    assert.ok(records.every((r, i) => i === 0 || records[i - 1]!.start <= r.start), 'sorted by start');
    assert.equal(existsSync(partialPathFor(out)), false);
    assert.equal(readFileSync(out, 'utf8').includes(server.auth.split(':')[1]!), false);
  });

  it('resumes a pull stopped mid-way (its last line torn) without losing or duplicating anything', async () => {
    const { server, ow, since } = filled;
    const out = path.join(tempDir('owbench-fetch-'), 'pulled.ndjson');
    const partial = partialPathFor(out);
    const writer = startWriter(ow);
    const upto = Date.now();
    const stop = new Error('injected stop after 8 pages');
    let pages = 0;
    await assert.rejects(
      fetch({ connection: connectionOf(server), out, since, upto, onPage: () => { if (++pages === 8) throw stop; } }),
      (error) => error === stop,
    );
    assert.equal(existsSync(out), false, 'no output from an unfinished pull');
    const lines = readFileSync(partial, 'utf8').split('\n').filter(Boolean);
    assert.equal(JSON.parse(lines[0]!).type, 'fetch');
    assert.ok(lines.length > 1000 && lines.length < 2000, `${lines.length} lines`);
    // As if the process had been killed in the middle of its last write.
    truncateSync(partial, statSync(partial).size - 40);

    const summary = await fetch({ connection: connectionOf(server), resume: partial });
    await writer.stop();
    await waitQuiet(ow, 0, filled.storeLagMs);
    assert.equal(summary.resumed, lines.length - 2, 'the torn line was dropped and fetched again');
    assert.equal(summary.out, out);
    assert.deepEqual(summary.window, { name: null, since, upto });
    const ids = readNdjson(out).map((r) => r.activationId);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(new Set(ids), new Set(await serverIds(ow, { since, upto })));
    assert.equal(existsSync(partial), false);
  });

  it('takes the newest --limit activations of one action', async () => {
    const { server, ow, since } = filled;
    const out = path.join(tempDir('owbench-fetch-'), 'other.ndjson');
    const upto = Date.now();
    const summary = await fetch({ connection: connectionOf(server), out, name: 'other', since, upto, limit: 450 });
    assert.equal(summary.limited, true);
    const records = readNdjson(out);
    const newest = (await serverIds(ow, { since, upto, name: 'other' })).slice(0, 450);
    assert.deepEqual(new Set(records.map((r) => r.activationId)), new Set(newest));
    assert.ok(records.every((r) => r.name === 'other'));
  });
});
