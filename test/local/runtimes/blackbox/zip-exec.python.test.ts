// The process fallback's unzip of a native action: the `exec` entry of zips Python's zipfile
// writes, stored and deflated, among other entries; nothing for zips without it or cut short.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFromZip } from '../../../../src/local/runtimes/blackbox/zip-exec.js';

const WRITE_ZIP = `
import sys, zipfile
method = zipfile.ZIP_DEFLATED if sys.argv[2] == 'deflate' else zipfile.ZIP_STORED
with zipfile.ZipFile(sys.argv[1], 'w', method) as z:
    z.writestr('README', 'not the executable')
    if sys.argv[3] == 'with-exec':
        z.writestr('exec', bytes(range(256)) * 64)
`;

function pythonZip(method: 'store' | 'deflate', exec: 'with-exec' | 'without'): Buffer {
  const file = join(mkdtempSync(join(tmpdir(), 'owbench-unzip-')), 'a.zip');
  execFileSync('/usr/bin/python3', ['-c', WRITE_ZIP, file, method, exec]);
  return readFileSync(file);
}

describe('runtimes/blackbox/zip-exec: zips Python writes', () => {
  const expected = Buffer.concat(Array.from({ length: 64 }, () => Buffer.from(Array.from({ length: 256 }, (_, i) => i))));

  for (const method of ['store', 'deflate'] as const) {
    it(`finds exec in a ${method}d zip`, () => {
      assert.deepEqual(execFromZip(pythonZip(method, 'with-exec')), expected);
    });
  }

  it('finds nothing in a zip without exec, or a cut one', () => {
    assert.equal(execFromZip(pythonZip('store', 'without')), undefined);
    const zip = pythonZip('deflate', 'with-exec');
    assert.equal(execFromZip(zip.subarray(0, zip.length - 30)), undefined);
    assert.equal(execFromZip(Buffer.from('PK\x03\x04')), undefined);
  });
});
