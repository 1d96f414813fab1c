// Runtime colours over a project: the sorted union of labels, colours kept where a folder's
// figures already give them, never two runtimes of one document in the same colour.
import assert from 'node:assert/strict';
import { chartFigures, projectPalette, RUNTIME_COLORS, specColours } from '../../src/charts/index.js';
import { shapeModel } from './helpers.js';

const [BLUE, ORANGE, GREEN, RED] = RUNTIME_COLORS;

describe('charts: palette', () => {
  it('gives the i-th sorted label of the project the i-th colour, whatever the documents it is in', () => {
    const palette = projectPalette([['WASM', 'Docker'], ['alpha', 'WASM']]);
    assert.deepEqual([...palette], [['Docker', BLUE], ['WASM', ORANGE], ['alpha', GREEN]]);
  });

  it('is the same bytes whatever the order of documents and of labels in them (code-unit order, no locale)', () => {
    const a = projectPalette([['b', 'a', 'Z'], ['c']]);
    const b = projectPalette([['c'], ['Z', 'a', 'b']]);
    assert.deepEqual([...a], [...b]);
    assert.deepEqual([...a.keys()], ['Z', 'a', 'b', 'c']);
  });

  it('keeps a colour the folder already gives a label; new labels take a colour no runtime of the project has', () => {
    const kept = new Map([['WASM', RED], ['Docker', BLUE]]);
    const palette = projectPalette([['WASM', 'nodejs:20']], kept);
    assert.equal(palette.get('WASM'), RED);
    assert.equal(palette.get('nodejs:20'), ORANGE, 'blue is Docker\'s elsewhere in the folder');
  });

  it('never gives two runtimes of one document the same colour, even where kept colours clash', () => {
    const kept = new Map([['a', BLUE], ['b', BLUE]]);
    const palette = projectPalette([['a', 'b']], kept);
    assert.equal(palette.get('a'), BLUE);
    assert.notEqual(palette.get('b'), BLUE);
    // Eleven labels in all, but each document has distinct colours.
    const many = Array.from({ length: 11 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    const wide = projectPalette([many.slice(0, 6), many.slice(5)]);
    for (const document of [many.slice(0, 6), many.slice(5)]) assert.equal(new Set(document.map((l) => wide.get(l))).size, document.length);
  });

  it('every figure of two documents with different runtime sets draws a shared runtime in the same colour', () => {
    // Alone, WASM is second in {Docker, WASM} and first in {WASM, alpha}: by input or own order it would change colour.
    const first = shapeModel({ runtimes: 2 }, { rt0: 'Docker', rt1: 'WASM' });
    const second = shapeModel({ runtimes: 2, seed: 8 }, { rt0: 'WASM', rt1: 'alpha' });
    const palette = projectPalette([first, second].map((m) => m.runtimes.map((r) => r.label)));
    const colours = [first, second].map((model) => {
      const seen = new Map<string, Set<string>>();
      for (const figure of chartFigures(model, palette)) {
        for (const [label, colour] of specColours(figure.spec)) seen.set(label, new Set([...(seen.get(label) ?? []), colour]));
      }
      return seen;
    });
    assert.deepEqual([...(colours[0].get('WASM') ?? [])], [ORANGE]);
    assert.deepEqual([...(colours[1].get('WASM') ?? [])], [ORANGE]);
    assert.deepEqual([...(colours[1].get('alpha') ?? [])], [GREEN]);
  });
});
