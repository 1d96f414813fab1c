import assert from 'node:assert/strict';
import { roundHalfEven } from '../../src/analyze/round.js';
import { runPython } from './python.js';

describe('roundHalfEven (Python round on doubles)', () => {
  it('sends exact ties to the even digit, like Python', () => {
    assert.equal(roundHalfEven(0.125, 2), 0.12); // JS toFixed: "0.13"
    assert.equal(roundHalfEven(0.375, 2), 0.38);
    assert.equal(roundHalfEven(-0.125, 2), -0.12);
    assert.equal(roundHalfEven(2.5), 2);
    assert.equal(roundHalfEven(3.5), 4);
    assert.equal(roundHalfEven(-2.5), -2);
    assert.equal(roundHalfEven(1469.625, 2), 1469.62);
  });

  it('rounds the exact binary value where the decimal only looks like a tie', () => {
    assert.equal(roundHalfEven(2.675, 2), 2.67); // 2.67499999999999982236431605997495353221893310546875
    assert.equal(roundHalfEven(1.005, 2), 1); // 1.00499999999999989341858963598497211933135986328125
    assert.equal(roundHalfEven(0.145, 2), 0.14);
  });

  it('gives the peer\'s two-decimal means', () => {
    assert.equal(roundHalfEven(18942 / 3, 2), 6314.0); // 6314 exactly
    assert.equal(roundHalfEven(4627 / 3, 2), 1542.33);
    assert.equal(roundHalfEven(36782 / 3, 2), 12260.67);
    assert.equal(roundHalfEven(8845 / 2, 2), 4422.5);
  });

  it('agrees with /usr/bin/python3 on 20 000 values, ties and near-ties included', () => {
    const values: number[] = [];
    const digits: number[] = [];
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      const d = i % 4;
      const kind = i % 5;
      let x: number;
      if (kind === 0) x = Math.floor(random() * 1e6) / 8; // dyadic: many exact ties
      else if (kind === 1) x = (Math.floor(random() * 1e6) + 0.5) / 10 ** d; // decimal near-ties
      else if (kind === 2) x = Math.floor(random() * 1e5) / 3; // means of three
      else if (kind === 3) x = (random() - 0.5) * 10 ** Math.floor(random() * 12);
      else x = Math.floor(random() * 1e9) / 2 ** 20;
      values.push(i % 7 === 0 ? -x : x);
      digits.push(d);
    }
    const python = runPython(
      ['-c', 'import json,sys\nd=json.load(sys.stdin)\nprint(json.dumps([round(x, n) for x, n in zip(d["x"], d["n"])]))'],
      JSON.stringify({ x: values, n: digits }),
    );
    const expected = JSON.parse(python) as number[];
    const mismatches = values
      .map((x, i) => ({ x, digits: digits[i], ours: roundHalfEven(x, digits[i]), python: expected[i] }))
      .filter((m) => !Object.is(m.ours, m.python) && !(m.ours === 0 && m.python === 0));
    assert.deepEqual(mismatches.slice(0, 5), []);
  });
});
