import assert from 'node:assert/strict';
import { chooseTemplate } from '../../src/report/choose-template.js';
import { UsageError } from '../../src/errors.js';
import { aggregate, row, tableOf } from './tables.js';

describe('report/choose-template', () => {
  const cold = (runtime: string, concurrency = 1) => row({ runtime, concurrency, init_ms: 100, duration_ms: 300, wait_ms: 10 });
  const warm = (runtime: string, concurrency = 1) => row({ runtime, concurrency, duration_ms: 300, wait_ms: 10 });

  it('pair: exactly two activations of two runtimes', () => {
    assert.equal(chooseTemplate(tableOf([cold('a'), cold('b')])).template, 'pair');
    assert.equal(chooseTemplate(tableOf([warm('a'), warm('b')])).template, 'pair');
  });

  it('refuses a named warm template on data with cold starts, naming how many and what to use', () => {
    assert.throws(() => chooseTemplate(tableOf([cold('a'), warm('a'), warm('b')]), 'warm'),
      (error: unknown) => error instanceof UsageError && /the data has 1 cold activation\(s\): use --template sweep/.test(error.message));
  });

  it('warm: no init time anywhere', () => {
    assert.equal(chooseTemplate(tableOf([warm('a'), warm('a'), warm('b')])).template, 'warm');
    assert.equal(chooseTemplate(tableOf([warm('a'), warm('a')])).template, 'warm');
    assert.equal(chooseTemplate(tableOf([], [aggregate('a', 1, { avg_duration: 5, avg_total: 6 })])).template, 'warm');
  });

  it('sweep: anything else with a cold start', () => {
    assert.equal(chooseTemplate(tableOf([cold('a'), cold('a'), cold('b')])).template, 'sweep');
    assert.equal(chooseTemplate(tableOf([cold('a'), warm('a')])).template, 'sweep');
    assert.equal(chooseTemplate(tableOf([], [aggregate('a', 1, { avg_init: 5 }), aggregate('b', 1, { avg_init: 7 })])).template, 'sweep');
  });

  it('sweep at one level: its text speaks of that level, and the reason says so', () => {
    const choice = chooseTemplate(tableOf([cold('a', 4), cold('a', 4), cold('b', 4), cold('b', 4)]));
    assert.equal(choice.template, 'sweep');
    assert.match(choice.reason, /^cold starts at one concurrency level \(4\): the sweep text written for a single level/);
    assert.equal(chooseTemplate(tableOf([cold('a', 1), cold('a', 2), cold('b', 1)])).reason, 'cold starts across runtimes and concurrency levels');
  });

  it('a named template wins, but pair must fit the data', () => {
    assert.deepEqual(chooseTemplate(tableOf([cold('a'), cold('b')]), 'sweep'), { template: 'sweep', reason: 'named by the user' });
    assert.throws(() => chooseTemplate(tableOf([cold('a'), cold('a'), cold('b')]), 'pair'), (e: unknown) =>
      e instanceof UsageError && /pair template needs exactly two activations of two different runtimes; the data has 3 activation/.test(e.message));
  });
});
