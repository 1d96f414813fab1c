// The partial file of a pull: what a resume reads back (whole lines only; a torn last line is
// dropped, a whole last line without its newline gets one), what it refuses (with the file and the
// line), and the finished file (sorted by start, then id; the partial file gone).
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { PartialFile, type FetchHeader } from '../../src/openwhisk/fetch-file.js';
import { fetchMessages as msg } from '../../src/openwhisk/fetch-messages.js';
import { tempDir } from './helpers.js';

const header: FetchHeader = { type: 'fetch', version: 1, apihost: 'http://127.0.0.1:1', namespace: '_', name: null, since: null, upto: 100, limit: null, started: '2026-12-01T00:00:00.000Z' };
const record = (id: string, start: number) => ({ activationId: id.padEnd(32, '0'), start, response: { status: 'success' } });
const line = (value: unknown) => JSON.stringify(value) + '\n';

describe('fetch partial file', () => {
  it('resumes from whole lines, drops a torn one, and finishes sorted by start then id', async () => {
    const file = path.join(tempDir('owbench-partial-'), 'x.ndjson.partial');
    const first = await PartialFile.create(file, header);
    assert.equal(await first.append([record('b', 50), record('a', 50), record('c', 40)]), 3);
    assert.equal(await first.append([record('a', 50), record('d', 60)]), 1, 'a held id is not written again');
    await first.close();
    appendFileSync(file, line(record('e', 30)).slice(0, 25)); // killed mid-write

    const resumed = await PartialFile.resume(file);
    assert.equal(resumed.size, 4);
    assert.equal(resumed.oldestStart(), 40);
    assert.equal(resumed.countFrom(50), 3);
    assert.equal(await resumed.append([record('e', 30)]), 1);
    const out = file.replace(/\.partial$/, '');
    await resumed.finish(out);
    assert.deepEqual(readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).activationId[0]), ['e', 'c', 'a', 'b', 'd']);
    assert.equal(existsSync(file), false);
  });

  it('keeps a whole last line that lost its newline', async () => {
    const file = path.join(tempDir('owbench-partial-'), 'y.ndjson.partial');
    writeFileSync(file, line(header) + line(record('a', 10)) + JSON.stringify(record('b', 9)));
    const resumed = await PartialFile.resume(file);
    assert.equal(resumed.size, 2);
    await resumed.append([record('c', 8)]);
    await resumed.close();
    assert.deepEqual(readFileSync(file, 'utf8').split('\n').slice(1).map((l) => l && JSON.parse(l).activationId[0]), ['a', 'b', 'c', '']);
  });

  const broken: [string, string, string | null, string][] = [
    ['a file without the header', line(record('a', 1)), 'line 1', msg.resumeBadHeader],
    ['a bad line in the middle', line(header) + '{"nope":1}\n' + line(record('a', 1)), 'line 2', msg.resumeBadLine],
    ['an id twice', line(header) + line(record('a', 1)) + line(record('a', 1)), 'line 3', msg.resumeDuplicate('a'.padEnd(32, '0'))],
    ['an empty file', '', null, msg.resumeBadHeader],
  ];
  for (const [title, text, place, problem] of broken) {
    it(`refuses ${title}, naming the file and the line, and changes nothing`, async () => {
      const file = path.join(tempDir('owbench-partial-'), 'z.ndjson.partial');
      writeFileSync(file, text);
      await assert.rejects(PartialFile.resume(file), (error: unknown) =>
        error instanceof InputError && error.exitCode === 2 && error.file === file && error.place === place && error.problem === problem);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  }
});
