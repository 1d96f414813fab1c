// The native action's zip, read back by Python's zipfile (an independent reader): one entry
// `exec` with the executable's bytes and mode 0755, the same bytes for the same executable.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeZip } from '../../src/openwhisk/native-zip.js';

const READ_ZIP = `
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    info = z.infolist()
    print(json.dumps([[i.filename, i.external_attr >> 16, z.read(i.filename).hex()] for i in info]))
`;

describe('openwhisk/native-zip', () => {
  it('holds the executable as exec, mode 0755, as Python zipfile reads it', () => {
    const executable = Buffer.from('\x7fELF pretend executable \x00\x01\x02 bytes', 'latin1');
    const file = join(mkdtempSync(join(tmpdir(), 'owbench-zip-')), 'action.zip');
    writeFileSync(file, nativeZip(executable));
    const entries = JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ_ZIP, file], { encoding: 'utf8' })) as Array<[string, number, string]>;
    assert.deepEqual(entries, [['exec', 0o100755, executable.toString('hex')]]);
  });

  it('gives the same bytes for the same executable', () => {
    const executable = Buffer.alloc(1000, 7);
    assert.deepEqual(nativeZip(executable), nativeZip(Buffer.from(executable)));
  });
});
