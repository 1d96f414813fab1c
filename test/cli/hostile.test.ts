// The hostile inputs of issue 15 (item 2), each through the CLI: exit 2, the file and the place
// named, the limit said, one line, no stack trace; and control characters escaped on the terminal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_LABEL } from '../../src/ingest/ingest.js';
import { MAX_DEPTH, MAX_STRING } from '../../src/ingest/json-scan.js';
import * as msg from '../../src/ingest/messages.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'owbench-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Exit 2 and exactly one stderr line: `owbench: FILE: PLACE: PROBLEM`. */
function failsWith(file: string, place: string, problem: string): void {
  const result = runCli(['analyze', file]);
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stderr, `owbench: ${file}: ${place}: ${problem}\n`);
  assert.equal(result.stdout, '');
}

const flatRow = (runtime: string) => ({ kind: runtime, concurrency: 1, duration: 20, waitTime: 3, initTime: 10 });

describe('cli: hostile inputs', function () {
  this.timeout(60_000);

  it('4,096 "[" in JSON: the nesting limit, at the bracket past it', () => {
    failsWith(write('deep.json', '['.repeat(4096)), `line 1, column ${MAX_DEPTH + 1}`, msg.tooDeep(MAX_DEPTH));
    failsWith(write('deep-closed.json', `${'['.repeat(4096)}${']'.repeat(4096)}`), `line 1, column ${MAX_DEPTH + 1}`, msg.tooDeep(MAX_DEPTH));
  });

  it('2,504 "[" in a Python-literal block: the same limit, on the block\'s line', () => {
    const file = write('deep.txt', `results wasm openwhisk:\n${'['.repeat(2504)}\n`);
    failsWith(file, `line 2, column ${MAX_DEPTH}`, msg.badPythonBlock(msg.tooDeep(MAX_DEPTH)));
  });

  it('a 100 MB runtime name: the string limit, not an out-of-memory abort or a 300 MB table', () => {
    const file = write('huge-name.json', JSON.stringify([flatRow('x'.repeat(100 << 20))]));
    failsWith(file, 'line 1, column 10', msg.tooLongString(MAX_STRING));
  });

  it('a runtime label longer than the label limit', () => {
    const file = write('long-label.json', JSON.stringify([flatRow('w'.repeat(MAX_LABEL + 1))]));
    failsWith(file, 'record 1', msg.tooLongLabel(MAX_LABEL, MAX_LABEL + 1));
  });

  it('invalid UTF-8 and NUL bytes: the line and byte', () => {
    const bad = Buffer.concat([Buffer.from('[\n{"kind": "w'), Buffer.from([0xc3, 0x28]), Buffer.from('", "concurrency": 1}]')]);
    failsWith(write('bad-utf8.json', bad), 'line 2, byte 12', msg.invalidUtf8());
    failsWith(write('nul.csv', 'runtime,concurrency,duration_ms,wait_ms\nw\u0000,1,2,3\n'), 'line 2, column 2', msg.nulByte());
  });

  it('a bad bare word is placed on its own line, and no message holds a raw newline', () => {
    failsWith(write('nan.json', '[\n{"kind": "w",\n"duration": nan}]'), 'line 3, column 13', msg.nanLiteral('nan'));
    failsWith(write('false.json', '[\n{"kind": "w",\n"cold": fAlse}]'), 'line 3, column 9', msg.badJsonWord('fAlse'));
    failsWith(write('false.txt', "results w openwhisk:\n[{'concurrency': 1,\n 'cold': fAlse}]\n"), 'line 3, column 10',
      msg.badPythonBlock('unexpected name "fAlse": expected a number, a quoted string, True, False or None'));
  });

  it('a runtime named "black\\u001b[2Jbox" is escaped in the table and in every message', () => {
    const file = write('escape.csv', 'runtime,concurrency,duration_ms,wait_ms\nblack\u001b[2Jbox,1,20,3\nwasm,1,10,3\n');
    const table = runCli(['analyze', file]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /black\\u001b\[2Jbox/);
    assert.doesNotMatch(table.stdout, /\u001b/);
    const error = runCli(['analyze', file, '--baseline', 'nope\u001b[2J\nnext']);
    assert.equal(error.status, 2);
    assert.equal(error.stderr.split('\n').length, 2, error.stderr);
    assert.match(error.stderr, /nope\\u001b\[2J\\u000anext/);
    assert.doesNotMatch(error.stderr, /\u001b/);
    const unknown = runCli(['analyze', '--bogus\u001b[2J']);
    assert.equal(unknown.status, 2);
    assert.doesNotMatch(unknown.stderr, /\u001b/);
  });
});
