// Issue 13's done-when, end to end: a sequence of three actions, a trigger with two rules, an alarm
// feed firing every second and a web action called with curl and no credentials, each read back
// from GET /activations?docs=true the way a fetch of a real deployment reads them. The records
// are also kept in fixtures/compositions.ndjson for the ingest stage (OWBENCH_WRITE_FIXTURES=1
// rewrites it); the test holds the committed file to the shapes the server writes now.
import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { curl } from './curl.js';
import { annotation, sleep, startWhisk, type Record, type Started } from './helpers.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'compositions.ndjson');

/** What must stay the same between runs: which keys and annotation keys a record has, by role. */
function shapeOf(record: Record): string {
  const keys = Object.keys(record).join(',');
  // `isolation` is owbench's own annotation, not OpenWhisk's.
  const annotations = record.annotations.map((a) => a.key).filter((k) => k !== 'initTime' && k !== 'isolation').join(',');
  return `${record.name}|${keys}|${annotations}`;
}

describe('local server: compositions in GET /activations (issue 13 done-when)', function () {
  this.timeout(90_000);
  let s: Started;
  let all: Record[];
  let seqId: string;
  let eventId: string;
  let webId: string;

  before(async () => {
    s = await startWhisk();
    const { ow } = s;
    for (const [name, step] of [['parse', 'p'], ['score', 's'], ['render', 'r']]) {
      await ow.actions.create({ name: name!, action: `function main(p) { return { steps: (p.steps || "") + "${step}" }; }` });
    }
    await ow.actions.create({ name: 'pipeline', sequence: ['/_/parse', '/_/score', '/_/render'] });
    seqId = ((await ow.actions.invoke({ name: 'pipeline', blocking: true })) as unknown as Record).activationId;

    await ow.triggers.create({ name: 'upload' });
    await ow.rules.create({ name: 'upload-parse', trigger: 'upload', action: 'parse' });
    await ow.rules.create({ name: 'upload-score', trigger: 'upload', action: 'score' });
    eventId = ((await ow.triggers.invoke({ name: 'upload', params: { steps: 'u' } })) as unknown as { activationId: string }).activationId;

    await ow.triggers.create({ name: 'heartbeat' });
    await ow.rules.create({ name: 'heartbeat-render', trigger: 'heartbeat', action: 'render' });
    await ow.feeds.create({ name: '/whisk.system/alarms/alarm', trigger: 'heartbeat', params: { cron: '* * * * * *', trigger_payload: { steps: 'h' } } });
    await sleep(2_600);
    await ow.feeds.delete({ name: '/whisk.system/alarms/alarm', trigger: 'heartbeat' });

    await ow.actions.create({ name: 'page', action: 'function main(p) { return { body: "<h1>" + (p.title || "") + "</h1>" }; }', annotations: { 'web-export': true } });
    const web = await curl(`${s.whisk.apihost}/api/v1/web/guest/default/page.http?title=hi`);
    assert.deepEqual([web.status, web.body], [200, '<h1>hi</h1>']);
    webId = web.headers['x-openwhisk-activation-id']!;

    await sleep(500); // the rule-fired activations run in the background
    all = (await ow.activations.list({ docs: true, limit: 200 })) as unknown as Record[];
  });
  after(() => s.whisk.close());

  const byId = (id: string) => all.find((r) => r.activationId === id);

  it('has the sequence and its three components, linked by cause and logs', () => {
    const seq = byId(seqId)!;
    assert.equal(annotation(seq, 'kind'), 'sequence');
    assert.deepEqual(seq.response.result, { steps: 'psr' });
    const parts = seq.logs.map((id) => byId(id)!);
    assert.deepEqual(parts.map((p) => p.name), ['parse', 'score', 'render']);
    for (const part of parts) assert.deepEqual([part.cause, annotation(part, 'causedBy')], [seqId, 'sequence']);
  });

  it('has the trigger activation and one activation per rule', () => {
    const event = byId(eventId)!;
    const lines = event.logs.map((l) => JSON.parse(l) as { activationId: string; action: string });
    assert.deepEqual(lines.map((l) => l.action).sort(), ['guest/parse', 'guest/score']);
    for (const line of lines) assert.deepEqual(byId(line.activationId)?.response.result, { steps: `u${line.action === 'guest/parse' ? 'p' : 's'}` });
  });

  it('has a heartbeat trigger activation every second while the alarm ran, each with its rule activation', () => {
    const beats = all.filter((r) => r.name === 'heartbeat');
    assert.ok(beats.length >= 2 && beats.length <= 4, `${beats.length} beats in 2.6 s`);
    for (const beat of beats) {
      const line = JSON.parse(beat.logs[0]!) as { activationId: string };
      assert.deepEqual(byId(line.activationId)?.response.result, { steps: 'hr' });
    }
  });

  it('has the web action called without credentials', () => {
    const web = byId(webId)!;
    assert.equal(annotation(web, 'path'), 'guest/page');
    assert.deepEqual(web.response.result, { body: '<h1>hi</h1>' });
  });

  it('matches the committed fixture of these records, shape for shape', () => {
    const ordered = [...all].sort((a, b) => a.start - b.start);
    if (process.env.OWBENCH_WRITE_FIXTURES === '1') {
      writeFileSync(`${fixture}.tmp`, ordered.map((r) => JSON.stringify(r)).join('\n') + '\n');
      renameSync(`${fixture}.tmp`, fixture);
    }
    const committed = readFileSync(fixture, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record);
    assert.deepEqual(new Set(committed.map(shapeOf)), new Set(ordered.map(shapeOf)));
  });
});
