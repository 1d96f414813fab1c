// What documents say about the new shapes of issue 10: a runtime holding two functions at two
// memory sizes shows each by name; sequences are reported apart and their components said to have
// run inside one; timeouts are counted as timeouts; unrecorded concurrency is said, not guessed.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render, repoRoot, tableAfter } from './helpers.js';

const fixture = (name: string) => path.join(repoRoot, 'test/ingest/fixtures', name);

function flatFile(): string {
  const records = [];
  for (let i = 0; i < 8; i++) {
    const concurrency = 1 + (i % 2);
    const cold = i < 4;
    records.push({ kind: 'nodejs:20', action: `guest/resize${1 + (i % 2)}`, memory: 256, concurrency, ...(cold ? { initTime: 200 } : {}), duration: 300 + i, waitTime: 20 });
    records.push({ kind: 'nodejs:20', action: `guest/thumb${1 + (i % 2)}`, memory: 512, concurrency, ...(cold ? { initTime: 150 } : {}), duration: 250 + i, waitTime: 15, status: i === 7 ? 'timeout' : 'success' });
    records.push({ kind: 'blackbox', action: 'guest/classify', memory: 256, concurrency, ...(cold ? { initTime: 900 } : {}), duration: 1100 + i, waitTime: 40 });
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'owbench-groups-')), 'configs.json');
  writeFileSync(file, JSON.stringify(records));
  return file;
}

describe('report: groups of the new shapes (issue 10)', () => {
  it('makes each configuration of a runtime that holds several its own runtime, named by function and memory', () => {
    const { model, markdown } = render([flatFile()], { template: 'sweep' });
    assert.deepEqual(model.runtimes.map((r) => r.id), ['nodejs:20 (resize, 256 MB)', 'nodejs:20 (thumb, 512 MB)', 'blackbox']);
    const { rows } = tableAfter(markdown, 'Runtime');
    assert.deepEqual(rows.map((r) => [r[0], r[1], r[2], r[5]]), [
      ['nodejs:20 (resize, 256 MB)', '1', '4', '0'], ['nodejs:20 (resize, 256 MB)', '2', '4', '0'],
      ['nodejs:20 (thumb, 512 MB)', '1', '4', '0'], ['nodejs:20 (thumb, 512 MB)', '2', '3', '1'],
      ['blackbox', '1', '4', '0'], ['blackbox', '2', '4', '0'],
    ]);
    // Compared one configuration at a time, never pooled.
    assert.deepEqual([...new Set(model.speedups.map((s) => s.candidate))], ['nodejs:20 (resize, 256 MB)', 'nodejs:20 (thumb, 512 MB)']);
    assert.match(markdown, /\*\*Failed, throttled or lost trials\*\*: 1 activation with status `timeout`: counted in the Failed column/);
  });

  it('reports sequences apart and says their components ran inside one', () => {
    // Raw OpenWhisk records record no level: without --concurrency no document is written.
    assert.throws(() => render([fixture('sequence.json')]), /sequence\.json: no activation records how many invocations ran at once.*--concurrency N/);
    const { markdown } = render([fixture('sequence.json')], { concurrency: 1 });
    assert.match(markdown, /7 activations recorded no concurrency level; they are counted at concurrency 1, as --concurrency said/);
    assert.match(markdown, /\*\*Sequences and compositions\*\*: 1 conductor activation of `guest\/steps` \(mean end to end 900 ms, 3 components each\); 2 sequence activations of `guest\/pipeline` \(mean end to end 715 ms, 2 components each\): reported apart, in no runtime's figures; 4 activations ran inside a sequence or composition/);
  });
});
