// The CSV fast path writes each line's cells straight into the columns (csv-columns.ts): on lines
// it reads itself and on lines it hands to the general reader, its rows must be the general path's
// to the bit, and a line the general path rejects must send the whole file there.
import assert from 'node:assert/strict';
import { readLinesFast } from '../../src/ingest/lines-fast.js';
import { parseFile } from '../../src/ingest/parse.js';
import type { FileContext } from '../../src/ingest/problem.js';
import type { Activation, AggregateRow } from '../../src/types.js';
import { tempFile } from './helpers.js';

const HEADER = 'runtime,kind,memory,concurrency,activationId,start,wait,init,duration,exec,total,status,label,confidence,cold,composition,caused_by,components,notes';

// Each line valid; together they reach every branch of the line reader and of its hand-over.
const VALID = [
  'wasm:0.1,wasm:0.1,256,5,dd8fbf1e78e9c5413ffb0079e1ce9b93,1700000000000,11,,1348,1348,1359,success,hen,0.6030619144439697,false,,,,x',
  'wasm:0.1,wasm:0.1,256,5,dd8fbf1e78e9c5413ffb0079e1ce9b94,1700000000001,11,20,1348,1328,1359,success,hen,0.6030619144439697,true,,,,',
  // Spaces around cells: trimmed by the general reader.
  ' nodejs:20 ,nodejs:20, 256 ,4,  id-3 ,,6,,523,,,  success ,  hen  ,0.5,,,,,',
  // Number spellings Number() reads: hex, exponent, leading dot and plus, trailing dot, −0, 20 digits, leading zeros.
  'nodejs:20,nodejs:20,0x100,007,id-4,-0,1e1,.5,+5.,,,success,cat,5.,1,,,,',
  'nodejs:20,nodejs:20,256,2.0,id-5,12345678901234567890,0,,523.25,523.25,523.25,Developer Error,cat,,FALSE,,,,',
  // Runtime from kind; a composition; caused_by; components.
  ',python:3,128,1,id-6,,3,,40,,,application error,,,,sequence,,3,',
  'python:3,python:3,128,1,id-7,,3,,40,,43.0000000001,success,,,,,id-6,,',
  // Non-ASCII inside a label is read here; at a cell's end it goes to the general reader.
  'wasm:0.1,wasm:0.1,256,5,id-8,,1,,2,,,success,hén,,,,,,',
  'wasm:0.1,wasm:0.1,256,5,id-9,,1,,2,,,success,ħ,,,,,,',
  // A non-ASCII id inside the cell: copied through push(), not as its char codes.
  'wasm:0.1,wasm:0.1,256,5,ид-9✓x,,1,,2,,,success,hen,,,,,,',
  // An empty duration: a row without figures, as the general path keeps it.
  'wasm:0.1,wasm:0.1,256,5,id-10,,1,,,,,success,a-label-longer-than-13,,,,,,',
  'wasm:0.1,wasm:0.1,256,5,id-11,,1,,,,,success,a-label-longer-than-13,,,,,,',
];

const context = (file: string, runtime?: string): FileContext => ({ file, source: 3, runtime, skipInvalid: false, warnings: [] });

function general(text: string, file: string, runtime?: string) {
  const ctx = context(file, runtime);
  const rows: Activation[] = [];
  parseFile(text, ctx, rows, [] as AggregateRow[]);
  return { rows, warnings: ctx.warnings };
}

describe('ingest: CSV lines into columns', () => {
  // CRLF, blank lines, and a last line with and without its newline (and with a bare \r).
  const shapes: Record<string, string> = {
    lf: `${HEADER}\n${VALID.join('\n')}\n`,
    crlf: `${HEADER}\r\n${VALID.join('\r\n')}\r\n`,
    'blank lines': `${HEADER}\n${VALID.slice(0, 4).join('\n')}\n\n   \n${VALID.slice(4).join('\n')}\n`,
    'no final newline': `${HEADER}\n${VALID.join('\n')}`,
    'a final bare CR': `${HEADER}\n${VALID.join('\n')}\r`,
  };
  for (const [name, text] of Object.entries(shapes)) {
    for (const runtime of [undefined, 'forced']) {
      for (const chunk of [64, 1024, 1 << 16]) {
        it(`${name}${runtime ? ', --runtime' : ''}, ${chunk}-byte chunks: the general path's rows and warnings`, () => {
          const file = tempFile(`columns-${name.replace(/\W/g, '-')}.csv`, text);
          const ctx = context(file, runtime);
          const fast = readLinesFast(file, ctx, chunk);
          assert.ok(fast, 'the fast path took the file');
          const expected = general(text, file, runtime);
          assert.equal(expected.rows.length, name === 'blank lines' ? VALID.length : VALID.length);
          assert.deepEqual(fast.rows.rows(), expected.rows);
          assert.deepEqual(ctx.warnings, expected.warnings);
          assert.ok(ctx.warnings.some((w) => w.includes('notes')), 'the unused column is named');
        });
      }
    }
  }

  it('keeps −0 and the digits Number() gives (beyond 15 digits, exponents, hex)', () => {
    const file = tempFile('columns-numbers.csv', `${HEADER}\n${VALID.join('\n')}\n`);
    const rows = readLinesFast(file, context(file))!.rows.rows();
    assert.ok(Object.is(rows[3].start, -0));
    assert.equal(rows[3].memory_mb, 256);
    assert.equal(rows[3].concurrency, 7);
    assert.equal(rows[3].wait_ms, 10);
    assert.equal(rows[4].start, Number('12345678901234567890'));
    assert.equal(rows[4].status, 'action developer error');
    assert.equal(rows[5].runtime, 'python:3');
  });

  // Each of these fails the general path; the fast path must then give the file up, not read it.
  const BAD: Record<string, string> = {
    'a duration that is no number': 'wasm:0.1,wasm:0.1,256,5,b1,,1,,abc,,,success,,,,,,,',
    'a negative wait': 'wasm:0.1,wasm:0.1,256,5,b2,,-1,,2,,,success,,,,,,,',
    'init longer than duration': 'wasm:0.1,wasm:0.1,256,5,b3,,1,9,2,,,success,,,,,,,',
    'concurrency 0': 'wasm:0.1,wasm:0.1,256,0,b4,,1,,2,,,success,,,,,,,',
    'concurrency 1.5': 'wasm:0.1,wasm:0.1,256,1.5,b5,,1,,2,,,success,,,,,,,',
    'an unknown status': 'wasm:0.1,wasm:0.1,256,5,b6,,1,,2,,,weird,,,,,,,',
    'an unknown composition': 'wasm:0.1,wasm:0.1,256,5,b7,,1,,2,,,success,,,,chain,,,',
    'an exec that is not duration − init': 'wasm:0.1,wasm:0.1,256,5,b8,,1,1,5,3,,success,,,,,,,',
    'a total that is not wait + duration': 'wasm:0.1,wasm:0.1,256,5,b9,,1,,5,,7,success,,,,,,,',
    'cold false with an init': 'wasm:0.1,wasm:0.1,256,5,b10,,1,1,5,,,success,,,false,,,,',
    'a cold that is no boolean': 'wasm:0.1,wasm:0.1,256,5,b11,,1,,5,,,success,,,maybe,,,,',
    'one cell too many': 'wasm:0.1,wasm:0.1,256,5,b12,,1,,5,,,success,,,,,,,,',
    'one cell too few': 'wasm:0.1,wasm:0.1,256,5,b13,,1,,5,,,success,,,,,,',
    'Infinity': 'wasm:0.1,wasm:0.1,256,5,b14,Infinity,1,,5,,,success,,,,,,,',
    'NaN': 'wasm:0.1,wasm:0.1,256,5,b15,,1,,NaN,,,success,,,,,,,',
    'no runtime and no kind': ',,256,5,b16,,1,,5,,,success,,,,,,,',
  };
  for (const [name, line] of Object.entries(BAD)) {
    it(`gives the file up to the general path for ${name}`, () => {
      const text = `${HEADER}\n${VALID.join('\n')}\n${line}\n${VALID[0]}\n`;
      const file = tempFile('columns-bad.csv', text);
      assert.throws(() => general(text, file), `the general path rejects ${name}`);
      assert.equal(readLinesFast(file, context(file), 256), null);
    });
  }
});
