import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/report/write.js';

describe('report/write', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-write-'));

  it('writes the whole text and leaves no temp file', () => {
    const file = path.join(dir, 'new', 'doc.md');
    writeFileAtomic(file, 'hello\n');
    assert.equal(readFileSync(file, 'utf8'), 'hello\n');
    assert.deepEqual(readdirSync(path.dirname(file)), ['doc.md']);
  });

  it('replaces an existing file', () => {
    const file = path.join(dir, 'replace.md');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    assert.equal(readFileSync(file, 'utf8'), 'new');
  });

  it('on failure leaves the target as it was and no temp file behind', () => {
    const sub = path.join(dir, 'fail');
    mkdirSync(path.join(sub, 'doc.md'), { recursive: true });
    writeFileSync(path.join(sub, 'doc.md', 'inside'), 'keep');
    // Renaming a file over a non-empty directory fails.
    assert.throws(() => writeFileAtomic(path.join(sub, 'doc.md'), 'text'));
    assert.deepEqual(readdirSync(sub), ['doc.md']);
    assert.equal(readFileSync(path.join(sub, 'doc.md', 'inside'), 'utf8'), 'keep');
  });
});
