import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { crc32, zipOneFile } from '../../src/openwhisk/zip.js';
import { tempDir } from './helpers.js';

describe('openwhisk/zip', () => {
  it('crc32 matches the standard check value', () => {
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  });

  it('writes a zip that Python reads back, executable bit included', () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const file = path.join(tempDir(), 'a.zip');
    writeFileSync(file, zipOneFile('exec', bytes));
    const script = `import zipfile,sys,hashlib\nz=zipfile.ZipFile(sys.argv[1])\ni=z.getinfo('exec')\nprint(z.testzip(), oct(i.external_attr>>16), hashlib.sha256(z.read('exec')).hexdigest())`;
    const result = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), `None 0o100755 ${createHash('sha256').update(bytes).digest('hex')}`, result.stderr);
  });
});
