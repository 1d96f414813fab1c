// Same inputs, same bytes: documents and models rendered in child processes under different
// time zones and locales are identical.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { needPeerData, runCli } from '../helpers/cli.js';
import { WARM_FILES } from './helpers.js';

const ENVIRONMENTS = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8', LC_ALL: 'hi_IN.UTF-8' },
];

describe('report determinism', function () {
  this.timeout(120000);

  it('renders the same bytes under different time zones and locales', () => {
    needPeerData();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-determinism-'));
    const outputs = ENVIRONMENTS.map((env, i) => {
      const docs = path.join(dir, `docs-${i}`);
      const docsRun = runCli(['docs', '--out', docs], { env });
      assert.equal(docsRun.status, 0, docsRun.stderr);
      // The same file name in each run: figure links are relative to it.
      const warm = path.join(dir, `warm-${i}`, 'warm.md');
      const warmRun = runCli(['report', ...WARM_FILES, '--label', 'wasm:0.1=WASM', '--out', warm, '--json-model'], { env });
      assert.equal(warmRun.status, 0, warmRun.stderr);
      return {
        pair: readFileSync(path.join(docs, 'seed-pair.md'), 'utf8'),
        sweep: readFileSync(path.join(docs, 'seed-sweep.md'), 'utf8'),
        index: readFileSync(path.join(docs, 'README.md'), 'utf8'),
        warm: readFileSync(warm, 'utf8'),
        model: warmRun.stdout,
      };
    });
    for (const other of outputs.slice(1)) assert.deepEqual(other, outputs[0]);
    assert.match(outputs[0].sweep, /\| 3 +\| Docker +\| 8860 +\| 14832 +\| 6314\.33 +\| 12260\.67 +\|/);
  });
});
