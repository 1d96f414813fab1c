// params(): OWBENCH_PARAMS (inline JSON or a JSON file) over the parameters cell's defaults.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { params } from '../../src/notebook/params.js';
import { unknownParam } from '../../src/notebook/messages.js';

describe('notebook params()', () => {
  const defaults = { study: 'demo', baseline: undefined as string | undefined, repetitions: 2 };

  it('keeps the defaults when OWBENCH_PARAMS is unset or empty', () => {
    assert.deepEqual(params(defaults, undefined), defaults);
    assert.deepEqual(params(defaults, '  '), defaults);
  });

  it('inline JSON overrides the named parameters only', () => {
    assert.deepEqual(params(defaults, '{"study": "seed-sweep", "baseline": "vanilla docker"}'), { study: 'seed-sweep', baseline: 'vanilla docker', repetitions: 2 });
  });

  it('a JSON file path (absolute, or relative to the project root) works the same', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'owbench-params-'));
    try {
      writeFileSync(path.join(dir, 'p.json'), '{"repetitions": 5}');
      assert.equal(params(defaults, path.join(dir, 'p.json')).repetitions, 5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown name or non-object fails with a message that names it', () => {
    assert.throws(() => params(defaults, '{"colour": "red"}'), { message: unknownParam('OWBENCH_PARAMS', 'colour', Object.keys(defaults)) });
    assert.throws(() => params(defaults, '[1]'), /OWBENCH_PARAMS: expected a JSON object of parameters/);
    assert.throws(() => params(defaults, '{"study": '), /OWBENCH_PARAMS: expected a JSON object of parameters \(/);
  });
});
