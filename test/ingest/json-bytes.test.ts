// Numbers read from bytes must be the very doubles JSON.parse gives (the fast path's promise).
import assert from 'node:assert/strict';
import { closeSync, openSync } from 'node:fs';
import { BAIL, ChunkedJsonBytes } from '../../src/ingest/json-bytes.js';
import { tempFile } from './helpers.js';

class NumberReader extends ChunkedJsonBytes {
  readAll(): unknown[] {
    this.fill(0);
    const out: unknown[] = [];
    for (;;) {
      this.skipWs();
      if (this.p >= this.n) return out;
      try {
        out.push(this.readNumber());
      } catch (error) {
        if (error !== BAIL) throw error;
        out.push('bail');
        while (this.p < this.n && this.buf[this.p] !== 0x20) this.p++;
      }
    }
  }
}

function readNumbers(texts: string[]): unknown[] {
  const fd = openSync(tempFile(`numbers-${texts.length}.txt`, texts.join(' ') + ' '), 'r');
  try {
    return new NumberReader(fd, 1 << 24).readAll();
  } finally {
    closeSync(fd);
  }
}

describe('ingest: JSON numbers from bytes', () => {
  it('gives JSON.parse\'s double for corner cases, and steps aside where JSON forbids the text', () => {
    const texts = ['0', '-0', '7', '1e5', '1E-7', '2.5e+3', '0.1', '0.6030619144439697', '9007199254740993',
      '123456789012345678901234', '1.7976931348623157e308', '5e-324', '1e999', '0.0000000000000000000001',
      '0.00000000000000000000001', '8511', '-224.75'];
    assert.deepEqual(readNumbers(texts), texts.map((t) => JSON.parse(t)));
    assert.deepEqual(readNumbers(['01', '1.', '-', '1e']), ['bail', 'bail', 'bail', 'bail']);
  });

  it('agrees with JSON.parse on 60,000 generated decimals', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const texts = Array.from({ length: 60000 }, (_, i) => {
      const r = random();
      switch (i % 5) {
        case 0: return String(r);
        case 1: return r.toFixed(1 + (i % 20));
        case 2: return `${Math.floor(r * 1e15)}.${i}`;
        case 3: return `-${r * 1000}`;
        default: return `0.${'0'.repeat(i % 25)}${i}`;
      }
    });
    const got = readNumbers(texts);
    texts.forEach((t, i) => assert.ok(Object.is(got[i], JSON.parse(t)), `${t}: ${String(got[i])}`));
  });
});
