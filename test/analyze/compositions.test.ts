// Sequences and conductors (issue 10, item 1): in no runtime group, never the baseline, reported
// apart with their end-to-end durations and components; their components count in their runtime.
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import { formatAnalysis } from '../../src/analyze/format.js';
import * as msg from '../../src/analyze/messages.js';
import { UsageError } from '../../src/errors.js';
import { ingestFiles } from '../../src/ingest/index.js';
import { repoRoot } from '../helpers/cli.js';

const fixture = (name: string) => path.join(repoRoot, 'test/ingest/fixtures', name);

describe('analyze: compositions', () => {
  const analysis = analyze(ingestFiles([fixture('sequence.json')]));

  it('reports sequences and conductors apart, by hand from the fixture', () => {
    assert.deepEqual(analysis.compositions.map((c) => [c.composition, c.action, c.count, c.errors, c.avg_duration, c.max_duration, c.avg_components]), [
      ['conductor', 'guest/steps', 1, 0, 900, 900, 3],
      // Two runs: 30 + 420 + 30 + 380 = 860 ms and 30 + 120 + 330 + 90 … as the records say: 860 and 570.
      ['sequence', 'guest/pipeline', 2, 0, (860 + 570) / 2, 860, 2],
    ]);
  });

  it('keeps them out of the runtime groups and the baseline; components count in their runtime, flagged', () => {
    assert.deepEqual(analysis.groups.map((g) => [g.runtime, g.function, g.count, g.in_composition]), [
      ['nodejs:20', 'resize', 2, 2], ['nodejs:20', 'thumb', 2, 2],
    ]);
    assert.ok(analysis.speedups.every((s) => s.baseline === 'nodejs:20'));
  });

  it('never takes a composition as the baseline, even when asked', () => {
    assert.throws(() => analyze(ingestFiles([fixture('sequence.json')]), { baseline: 'sequence' }),
      (e: unknown) => e instanceof UsageError && e.message === msg.unknownBaseline('sequence', ['nodejs:20']));
  });

  it('prints them in their own table', () => {
    assert.match(formatAnalysis(analysis), /^compositions .*\ncomposition +action +count +errors +timeouts +avg_duration +max_duration +avg_components\nconductor +guest\/steps +1 +0 +0 +900 +900 +3\nsequence +guest\/pipeline +2 +0 +0 +715 +860 +2\n/m);
  });
});

// The embedded server's own records of a three-action sequence, a trigger with two rules, a
// per-second alarm and a web action (test/local/compositions.scenarios.test.ts keeps the fixture
// in step with what the server writes; shapes per OPENWHISK.md and Triggers.scala).
describe('analyze: fired triggers, as the server records them', () => {
  const served = path.join(repoRoot, 'test/local/fixtures/compositions.ndjson');
  const analysis = analyze(ingestFiles([served]));

  it('reads a trigger record (no kind, no duration, a JSON line per rule) as a composition, by hand from the file', () => {
    assert.deepEqual(analysis.compositions.map((c) => [c.composition, c.action, c.count, c.avg_duration, c.avg_components]), [
      ['sequence', 'guest/pipeline', 1, 41, 3],
      ['trigger', 'heartbeat', 3, null, 1], // the alarm's trigger: one rule each second
      ['trigger', 'upload', 1, null, 2], // two rules on one trigger
    ]);
  });

  it('counts every action activation in its own function, the rule-fired and the web action included', () => {
    assert.deepEqual(analysis.groups.map((g) => [g.function, g.count]), [['alarm', 2], ['page', 1], ['parse', 2], ['render', 4], ['score', 2]]);
  });
});
