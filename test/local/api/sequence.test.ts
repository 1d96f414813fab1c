// Sequences on the embedded server, driven through the openwhisk client: the sequence record and
// its component records as OpenWhisk writes them. SA = apache/openwhisk
// core/controller/src/main/scala/org/apache/openwhisk/core/controller/actions/SequenceActions.scala,
// MSG = apache/openwhisk common/scala/src/main/scala/org/apache/openwhisk/http/ErrorResponse.scala.
import assert from 'node:assert/strict';
import { annotation, hasAnnotation, rejection, startWhisk, waitForRecord, type Record, type Started } from '../helpers.js';

describe('local server: sequences', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
    await s.ow.actions.create({ name: 'inc', action: 'function main(p) { return { n: (p.n || 0) + 1 }; }', limits: { memory: 128 } });
    await s.ow.actions.create({ name: 'times10', action: 'function main(p) { console.log("x10"); return { n: p.n * 10 }; }' });
    await s.ow.actions.create({ name: 'fail', action: 'function main(p) { return { error: "stop at " + p.n }; }' });
  });
  after(() => s.whisk.close());

  it('runs three actions in order; the sequence record lists its components and sums their durations', async () => {
    await s.ow.actions.create({ name: 'chain', sequence: ['/_/inc', '/_/times10', '/_/inc'] });
    const seq = (await s.ow.actions.invoke({ name: 'chain', blocking: true, params: { n: 1 } })) as unknown as Record;
    // (1 + 1) * 10 + 1: each result is the next one's input (SA invokeNextAction).
    assert.deepEqual(seq.response.result, { n: 21 });
    assert.equal(seq.response.status, 'success');
    // makeSequenceActivation: annotations topmost, path, kind "sequence", limits; no cause when topmost.
    assert.deepEqual(seq.annotations.map((a) => a.key), ['topmost', 'path', 'kind', 'limits']);
    assert.equal(annotation(seq, 'topmost'), true);
    assert.equal(annotation(seq, 'kind'), 'sequence');
    assert.equal(annotation(seq, 'path'), 'guest/chain');
    assert.equal(seq.cause, undefined);
    // SequenceAccounting: logs are the component activation ids, the limits' memory the largest.
    assert.equal(seq.logs.length, 3);
    assert.deepEqual(annotation(seq, 'limits'), { concurrency: 1, logs: 10, memory: 256, timeout: 60000 });
    const components = await Promise.all(seq.logs.map((id) => waitForRecord(s.ow, id)));
    assert.deepEqual(components.map((c) => c.name), ['inc', 'times10', 'inc']);
    for (const c of components) {
      // OPENWHISK.md §1.3/§1.4: a component carries `cause` (the sequence id) and causedBy "sequence".
      assert.equal(c.cause, seq.activationId);
      assert.equal(annotation(c, 'causedBy'), 'sequence');
      assert.ok(hasAnnotation(c, 'waitTime'));
    }
    // SequenceAccounting.duration: the sum of the components' durations, not the wall time.
    assert.equal(seq.duration, components.reduce((sum, c) => sum + c.duration, 0));
    const stored = await waitForRecord(s.ow, seq.activationId);
    assert.deepEqual(stored.logs, seq.logs);
    // The list view (summarize) carries `cause` for the components.
    const listed = (await s.ow.activations.list({ limit: 10 })) as unknown as Array<{ activationId: string; cause?: string }>;
    for (const c of components) assert.equal(listed.find((l) => l.activationId === c.activationId)?.cause, seq.activationId);
  });

  it('stops at a result with an error field: the sequence answers 502 with that result', async () => {
    await s.ow.actions.create({ name: 'broken', sequence: ['/_/inc', '/_/fail', '/_/times10'] });
    const failure = await rejection(s.ow.actions.invoke({ name: 'broken', blocking: true, params: { n: 4 } }));
    // SequenceAccounting.maybe short-circuits on `error`; Actions.scala answers 502 for an application error.
    assert.equal(failure.statusCode, 502);
    const seq = failure.error as Record;
    assert.equal(seq.response.status, 'application error');
    assert.deepEqual(seq.response.result, { error: 'stop at 5' });
    assert.equal(seq.logs.length, 2);
  });

  it('records a nested sequence with cause and causedBy, and topmost false', async () => {
    await s.ow.actions.create({ name: 'inner', sequence: ['/_/inc', '/_/inc'] });
    await s.ow.actions.create({ name: 'outer', sequence: ['/_/inner', '/_/times10'] });
    const outer = (await s.ow.actions.invoke({ name: 'outer', blocking: true, params: { n: 0 } })) as unknown as Record;
    assert.deepEqual(outer.response.result, { n: 20 });
    const inner = await waitForRecord(s.ow, outer.logs[0]!);
    // makeSequenceActivation: a nested sequence gets topmost false, causedBy, and cause = the outer id.
    assert.equal(annotation(inner, 'topmost'), false);
    assert.equal(annotation(inner, 'causedBy'), 'sequence');
    assert.equal(inner.cause, outer.activationId);
    const innerParts = await Promise.all(inner.logs.map((id) => waitForRecord(s.ow, id)));
    for (const part of innerParts) assert.equal(part.cause, inner.activationId);
  });

  it('refuses a sequence with a missing component, none at all, a cycle, or more than 50 actions (400)', async () => {
    // MSG Messages.sequenceComponentNotFound / sequenceNoComponent / sequenceIsCyclic / sequenceIsTooLong.
    const missing = await rejection(s.ow.actions.create({ name: 'nope', sequence: ['/_/inc', '/_/ghost'] }));
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.error.error, 'Sequence component does not exist.');
    const empty = await rejection(s.ow.actions.create({ name: 'empty', action: { exec: { kind: 'sequence', components: [] } } }));
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.error.error, 'No component specified for the sequence.');
    await s.ow.actions.create({ name: 'loop', sequence: ['/_/inc'] });
    const cyclic = await rejection(s.ow.actions.update({ name: 'loop', sequence: ['/_/inc', '/guest/loop'] }));
    assert.equal(cyclic.statusCode, 400);
    assert.equal(cyclic.error.error, 'Sequence may not refer to itself.');
    const long = await rejection(s.ow.actions.create({ name: 'long', sequence: Array.from({ length: 51 }, () => '/_/inc') }));
    assert.equal(long.statusCode, 400);
    assert.equal(long.error.error, 'Too many actions in the sequence.');
    const unqualified = await rejection(s.ow.actions.create({ name: 'bare', sequence: ['inc'] }));
    assert.equal(unqualified.statusCode, 400);
  });

  it('shows a sequence as exec {kind, components} with the components fully qualified', async () => {
    const action = (await s.ow.actions.get({ name: 'chain' })) as unknown as { exec: unknown };
    // SequenceExec serdes: kind and components only; `_` resolved to the namespace.
    assert.deepEqual(action.exec, { kind: 'sequence', components: ['/guest/inc', '/guest/times10', '/guest/inc'] });
  });
});
