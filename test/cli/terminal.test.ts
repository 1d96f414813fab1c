import assert from 'node:assert/strict';
import { terminalLine, terminalText } from '../../src/cli/terminal.js';

describe('cli: terminal', () => {
  it('escapes C0, DEL, C1 and bidi controls; keeps tabs and newlines in text, not in a line', () => {
    assert.equal(terminalText('black\u001b[2Jbox\tok\n\u0007\u007f\u009b\u202e'), 'black\\u001b[2Jbox\tok\n\\u0007\\u007f\\u009b\\u202e');
    assert.equal(terminalLine('a\nb\r\tc'), 'a\\u000ab\\u000d\\u0009c');
    assert.equal(terminalLine('wasm:0.1 — ü, 日本'), 'wasm:0.1 — ü, 日本');
  });
});
