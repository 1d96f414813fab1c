// Heavy tails through the whole analysis (issue 11 item 3): the comparison names the activations
// that carry a mean, says how much, marks its claims as read from the median, and the analysis'
// warnings say so in a sentence. Checked by hand: 99 warm activations of 100 to 102 ms and one of 10 s.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analyze/analyze.js';
import * as msg from '../../src/analyze/messages.js';
import { row, table } from './table.js';

describe('analyze/heavy-tail: which activations carry a mean', () => {
  const rows = ['a', 'b'].flatMap((runtime) => Array.from({ length: 100 }, (_, i) => ({
    ...row({ runtime, wait: 0, duration: runtime === 'b' && i === 37 ? 10_000 : 100 + (i % 3) }),
    activation_id: `${runtime}-${i}`,
  })));
  const analysis = analyze(table(rows), { baseline: 'a' });
  const total = analysis.inference!.comparisons.find((c) => c.metric === 'total_ms')!;

  it('names the activation and how much it carries, and reads claims from the median', () => {
    assert.equal(total.heavy_tails.length, 1);
    const [tail] = total.heavy_tails;
    assert.equal(tail.runtime, 'b');
    assert.deepEqual(tail.slowest_ms, [10_000]);
    assert.deepEqual(tail.activation_ids, ['b-37']);
    // 100 + i mod 3 for i < 100 (34, 33, 33 of 100, 101, 102) less i = 37 (a 101), then the 10 s one: by hand.
    const without = (34 * 100 + 32 * 101 + 33 * 102) / 99;
    assert.ok(Math.abs(tail.mean_without_ms - without) < 1e-9);
    assert.ok(Math.abs(tail.mean_ms - (99 * without + 10_000) / 100) < 1e-9);
    assert.equal(total.claims_from, 'median');
    const exec = analysis.inference!.comparisons.find((c) => c.metric === 'exec_ms')!;
    assert.equal(exec.claims_from, 'median');
  });

  it('says so in a warning: which activations, the mean with and without them, and that claims use the median', () => {
    const [tail] = total.heavy_tails;
    const expected = msg.heavyTail({ ...tail, concurrency: 1, part: 'warm', metric: 'total_ms', ids: ['b-37'] });
    assert.ok(analysis.warnings.includes(expected), analysis.warnings.join('\n'));
    assert.match(expected, /carried by its 1 slowest of 100 activations \(10000 ms \(b-37\)\): 199.98 ms with them, 100.99 ms without \(98% more\); claims about it use the median/);
  });

  it('keeps claims on the mean where no side has a heavy tail', () => {
    const even = analyze(table(rows.filter((r) => r.activation_id !== 'b-37')), { baseline: 'a' });
    assert.ok(even.inference!.comparisons.every((c) => c.claims_from === 'mean' && c.heavy_tails.length === 0));
    assert.ok(!even.warnings.some((w) => w.includes('carried by')));
  });
});
