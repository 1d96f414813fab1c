// Blackbox binary code as a zip with `exec` at its root, the form OpenWhisk's dockerskeleton
// action loop takes (openwhisk-runtime-docker core/actionProxy/actionproxy.py initCodeFromZip),
// run by the real blackbox runtime (the noop action built from data/actions/c).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Container } from '../../../../src/local/container.js';
import { execFromZip } from '../../../../src/local/runtimes/blackbox/zip-exec.js';
import { createRuntimeFactory } from '../../../../src/local/runtimes/index.js';
import { buildCActions, buildDir, runContext } from '../helpers.js';

const nativeDir = join(buildDir, 'native');

describe('runtime blackbox: zipped binary code', function () {
  this.timeout(60_000);
  const started: Container[] = [];
  before(buildCActions);
  after(async () => {
    await Promise.all(started.map((c) => c.destroy()));
  });

  it('finds `exec` at the root of a zip, and nothing in other bytes', () => {
    const binary = readFileSync(join(nativeDir, 'noop'));
    assert.deepEqual(execFromZip(Buffer.from(zipSync({ exec: binary, 'README.md': strToU8('x') }))), binary);
    assert.equal(execFromZip(Buffer.from(zipSync({ 'bin/exec': binary }))), undefined);
    assert.equal(execFromZip(binary), undefined);
  });

  it('initializes and runs a zipped executable', async () => {
    const factory = createRuntimeFactory({ blackboxFolder: nativeDir, blackboxImages: {} });
    const container = await factory('blackbox', { memoryMb: 256, timeoutMs: 60_000 });
    started.push(container);
    const code = Buffer.from(zipSync({ exec: readFileSync(join(nativeDir, 'noop')) })).toString('base64');
    const init = await container.init({ name: 'zipped', main: 'main', code, binary: true, env: {} }, 5000);
    assert.equal(init.statusCode, 200);
    assert.equal((await container.run({}, runContext('zipped'), 5000)).body.ok, true);
  });
});
