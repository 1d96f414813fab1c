// fetch() in a notebook: a deployment's activations (here the embedded server, through the
// openwhisk client) pulled into NDJSON under the project and loaded as one study, labelled as a
// deployment's data (a pulled file has no run log to name its system).
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setDisplaySink } from '../../src/notebook/display.js';
import { fetch } from '../../src/notebook/fetch.js';
import { workDir } from '../../src/notebook/paths.js';
import { connectionOf } from '../openwhisk/helpers.js';
import { startFilled, type Filled } from '../openwhisk/fetch-helpers.js';

describe('notebook fetch()', function () {
  this.timeout(60_000);
  let filled: Filled;
  const out = path.join(workDir, `fetch-test-${process.pid}.ndjson`);
  before(async () => {
    setDisplaySink(() => {});
    filled = await startFilled(40);
  });
  after(async () => {
    setDisplaySink(null);
    await filled?.server.close();
    rmSync(out, { force: true });
  });

  it('pulls every activation of the window and loads it', async () => {
    const data = await fetch({ connection: connectionOf(filled.server), out: out, since: filled.since });
    assert.equal(data.summary.activations, 40);
    assert.equal(data.rows.length, 40);
    assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 40);
    assert.deepEqual(data.sources.map((source) => source.system), ['OpenWhisk deployment (no run log)']);
    assert.ok(!readFileSync(out, 'utf8').includes(filled.server.auth), 'the key is in no file');
  });
});
