// Triggers, rules and fire on the embedded server through the openwhisk client. TR = apache/openwhisk
// core/controller/src/main/scala/org/apache/openwhisk/core/controller/Triggers.scala (activate,
// activateRules, RuleActivationResult), RU = .../controller/Rules.scala, WA = common/scala/src/main/
// scala/org/apache/openwhisk/core/entity/WhiskActivation.scala (toExtendedJson drops end/duration
// when end is the epoch).
import assert from 'node:assert/strict';
import { rejection, sleep, startWhisk, waitForRecord, type Record, type Started } from '../helpers.js';

interface RuleJson {
  name: string;
  status: string;
  trigger: { path: string; name: string };
  action: { path: string; name: string };
}

describe('local server: triggers, rules and fire', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
    await s.ow.actions.create({ name: 'left', action: 'function main(p) { return { side: "left", ...p }; }' });
    await s.ow.actions.create({ name: 'right', action: 'function main(p) { return { side: "right", ...p }; }' });
  });
  after(() => s.whisk.close());

  it('creates triggers with parameters; get, list, count and update them', async () => {
    const trigger = (await s.ow.triggers.create({ name: 'tick', trigger: { parameters: [{ key: 'from', value: 'trigger' }] } })) as unknown as { [k: string]: unknown };
    // WhiskTrigger JSON (TR create): limits {} and version 0.0.1; 409 without overwrite.
    assert.deepEqual([trigger.name, trigger.namespace, trigger.version, trigger.limits], ['tick', 'guest', '0.0.1', {}]);
    assert.equal((await rejection(s.ow.triggers.create({ name: 'tick' }))).statusCode, 409);
    const updated = (await s.ow.triggers.update({ name: 'tick', trigger: { annotations: [{ key: 'note', value: 1 }] } })) as unknown as { [k: string]: unknown };
    assert.equal(updated.version, '0.0.2');
    assert.deepEqual(updated.parameters, [{ key: 'from', value: 'trigger' }]);
    assert.deepEqual(await s.ow.triggers.list({ count: true } as never), { triggers: 1 });
    // The `triggers` view (whisks_design_document_for_entities_db_v2.1.0.json): no parameters, limits or rules.
    const listed = (await s.ow.triggers.list()) as unknown as Array<{ [k: string]: unknown }>;
    assert.deepEqual(Object.keys(listed[0]!).sort(), ['annotations', 'name', 'namespace', 'publish', 'updated', 'version']);
  });

  it('answers 204 and records nothing when a trigger has no active rule', async () => {
    const before = (await s.ow.activations.list({ count: true } as never)) as unknown as { activations: number };
    // TR activate: "trigger without an active rule was activated; no trigger activation record created".
    const response = await fetch(`${s.whisk.apihost}/api/v1/namespaces/_/triggers/tick`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(s.whisk.auth).toString('base64')}` },
    });
    assert.equal(response.status, 204);
    await sleep(100);
    assert.deepEqual(await s.ow.activations.list({ count: true } as never), before);
  });

  it('links two rules, fires both actions, and records the trigger activation with one log line per rule', async () => {
    const rule = (await s.ow.rules.create({ name: 'to-left', trigger: 'tick', action: 'left' })) as unknown as RuleJson;
    // RU create → completeAsRuleResponse(rule, ACTIVE); trigger and action as FullyQualifiedEntityName {path, name}.
    assert.equal(rule.status, 'active');
    assert.deepEqual(rule.trigger, { path: 'guest', name: 'tick' });
    assert.deepEqual(rule.action, { path: 'guest', name: 'left' });
    await s.ow.rules.create({ name: 'to-right', trigger: '/_/tick', action: '/guest/right' });
    const trigger = (await s.ow.triggers.get({ name: 'tick' })) as unknown as { rules: { [k: string]: unknown } };
    // WhiskTrigger.rules: keyed "ns/rule", with the action's {name, path} and the status.
    assert.deepEqual(trigger.rules['guest/to-left'], { action: { name: 'left', path: 'guest' }, status: 'active' });

    const fired = (await s.ow.triggers.invoke({ name: 'tick', params: { from: 'payload', n: 7 } })) as unknown as { activationId: string };
    const record = await waitForRecord(s.ow, fired.activationId);
    // The activations view summarize(): no end, duration or statusCode when end is 0
    // (ansible/files/whisks_design_document_for_activations_db_v2.1.0.json).
    const summary = ((await s.ow.activations.list({ limit: 10 })) as unknown as Array<{ [k: string]: unknown }>).find((a) => a.activationId === fired.activationId)!;
    assert.deepEqual(['end', 'duration', 'statusCode'].filter((k) => k in summary), []);
    // TR activate: the payload is the trigger activation's result; end is the epoch, so no end/duration (WA).
    assert.deepEqual(record.response, { result: { from: 'payload', n: 7 }, status: 'success', success: true });
    assert.equal(record.name, 'tick');
    assert.equal('end' in record || 'duration' in record, false);
    assert.deepEqual(record.annotations, []);
    // RuleActivationResult.toJson: one compact JSON line per rule, with the action's activation id.
    const lines = record.logs.map((line) => JSON.parse(line) as { [k: string]: unknown }).sort((a, b) => String(a.rule).localeCompare(String(b.rule)));
    assert.deepEqual(lines.map((l) => [l.rule, l.action, l.statusCode, l.success]), [
      ['guest/to-left', 'guest/left', 0, true],
      ['guest/to-right', 'guest/right', 0, true],
    ]);
    const actions = await Promise.all(lines.map((l) => waitForRecord(s.ow, String(l.activationId))));
    // TR activateRules posts each action with trigger parameters merged under the payload.
    assert.deepEqual(actions.map((a) => a.response.result), [
      { side: 'left', from: 'payload', n: 7 },
      { side: 'right', from: 'payload', n: 7 },
    ]);
    // The actions are ordinary activations (postActivation sends no cause): no `cause`, no causedBy.
    for (const a of actions) assert.equal(a.cause, undefined);
  });

  it('disables and enables a rule; an inactive rule is logged and its action not run', async () => {
    await s.ow.rules.disable({ name: 'to-right' });
    assert.equal(((await s.ow.rules.get({ name: 'to-right' })) as unknown as RuleJson).status, 'inactive');
    const fired = (await s.ow.triggers.invoke({ name: 'tick' })) as unknown as { activationId: string };
    const record = await waitForRecord(s.ow, fired.activationId);
    const lines = record.logs.map((line) => JSON.parse(line) as { [k: string]: unknown });
    const inactive = lines.find((l) => l.rule === 'guest/to-right')!;
    // Messages.triggerWithInactiveRule, statusCode 1 (application error), no activationId.
    assert.deepEqual([inactive.statusCode, inactive.success, inactive.error], [1, false, "Rule 'guest/to-right' is inactive, action 'guest/right' was not activated."]);
    await s.ow.rules.enable({ name: 'to-right' });
    assert.equal(((await s.ow.rules.get({ name: 'to-right' })) as unknown as RuleJson).status, 'active');
    const list = (await s.ow.rules.list()) as unknown as RuleJson[];
    assert.deepEqual(list.map((r) => r.name).sort(), ['to-left', 'to-right']);
    // RU list writes WhiskRule itself (includeDocs = true): no computed status.
    assert.equal(list.some((r) => 'status' in r), false);
  });

  it('refuses rules to missing triggers or actions (400); deletes rules and triggers', async () => {
    // RU create: checkTriggerAndActionExist failures become RejectRequest(BadRequest, <its message>).
    const noTrigger = await rejection(s.ow.rules.create({ name: 'r', trigger: 'ghost', action: 'left' }));
    assert.deepEqual([noTrigger.statusCode, noTrigger.error.error], [400, 'trigger /guest/ghost does not exist']);
    const noAction = await rejection(s.ow.rules.create({ name: 'r', trigger: 'tick', action: 'ghost' }));
    assert.deepEqual([noAction.statusCode, noAction.error.error], [400, 'action /guest/ghost does not exist']);
    assert.equal((await rejection(s.ow.triggers.invoke({ name: 'ghost' }))).statusCode, 404);
    const deleted = (await s.ow.rules.delete({ name: 'to-left' })) as unknown as RuleJson;
    // RU remove: completeAsRuleResponse(rule, Status.INACTIVE).
    assert.deepEqual([deleted.name, deleted.status], ['to-left', 'inactive']);
    const trigger = (await s.ow.triggers.get({ name: 'tick' })) as unknown as { rules: { [k: string]: unknown } };
    assert.deepEqual(Object.keys(trigger.rules), ['guest/to-right']);
    await s.ow.rules.delete({ name: 'to-right' });
    assert.equal(((await s.ow.triggers.delete({ name: 'tick' })) as unknown as { name: string }).name, 'tick');
    assert.equal((await rejection(s.ow.triggers.get({ name: 'tick' }))).statusCode, 404);
  });
});
