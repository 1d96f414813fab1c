// The demo workload (data/actions/mobilenet): nsfwjs's MobileNetV2 in C, built for blackbox (gcc)
// and wasm:0.1 (clang), invoked through the openwhisk client on the embedded server with the
// photograph as base64 params. Its probabilities must match nsfwjs's own tfjs inference.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rejection, startWhisk, type Started } from '../local/helpers.js';
import { buildCActions, buildDir } from '../local/runtimes/helpers.js';
import { classifyWithNsfwjs, type Classified } from './reference.js';

const photo = join(buildDir, 'mobilenet', 'chelsea.png');
const TOLERANCE = 1e-5;

interface Answer {
  label: string;
  confidence: number;
  probabilities: Record<string, number>;
  width: number;
  height: number;
}

describe('action mobilenet (MobileNetV2 α 1.4 from nsfwjs, one C source, two targets)', function () {
  this.timeout(180_000);
  let s: Started;
  let reference: Classified;
  const answers: Record<string, Answer> = {};

  before(async () => {
    buildCActions();
    reference = await classifyWithNsfwjs(photo);
    s = await startWhisk({ blackbox: { folder: join(buildDir, 'native') } });
    const image = readFileSync(photo).toString('base64');
    const wasm = readFileSync(join(buildDir, 'wasm', 'mobilenet.wasm')).toString('base64');
    await s.ow.actions.create({ name: 'mn-native', action: { exec: { kind: 'blackbox', image: 'mobilenet' } } });
    await s.ow.actions.create({ name: 'mn-wasm', action: { exec: { kind: 'wasm:0.1', code: wasm, binary: true } } as never });
    const native = (await s.ow.actions.invoke({ name: 'mn-native', params: { image }, blocking: true, result: true })) as unknown as Answer;
    const envelope = (await s.ow.actions.invoke({ name: 'mn-wasm', params: { image }, blocking: true, result: true })) as unknown as { result: Answer; success: boolean };
    assert.equal(envelope.success, true, JSON.stringify(envelope));
    answers.native = native;
    answers.wasm = envelope.result;
  });
  after(async () => {
    await s?.whisk.close();
  });

  it('runs the reference on tfjs\'s CPU backend, which works offline', () => {
    assert.equal(reference.backend, 'cpu');
    assert.deepEqual(Object.keys(reference.probabilities).sort(), ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy']);
  });

  for (const target of ['native', 'wasm'] as const) {
    it(`${target}: every class probability matches nsfwjs's tfjs inference within ${TOLERANCE}`, () => {
      const answer = answers[target]!;
      assert.deepEqual(Object.keys(answer.probabilities).sort(), Object.keys(reference.probabilities).sort());
      for (const [name, expected] of Object.entries(reference.probabilities)) {
        const got = answer.probabilities[name]!;
        assert.ok(Math.abs(got - expected) <= TOLERANCE, `${target} ${name}: ${got} vs tfjs ${expected}`);
      }
      const best = Object.entries(reference.probabilities).sort((a, b) => b[1] - a[1])[0]!;
      assert.equal(answer.label, best[0]);
      assert.equal(answer.confidence, answer.probabilities[best[0]]);
      assert.deepEqual([answer.width, answer.height], [451, 300]); // chelsea.png is 451 × 300
    });
  }

  it('answers the same natively and in WebAssembly', () => {
    assert.deepEqual(answers.wasm, answers.native);
  });

  it('answers a named error for params without a decodable image', async () => {
    // a blackbox {error} is an application error (502), as in OpenWhisk
    const missing = await rejection(s.ow.actions.invoke({ name: 'mn-native', params: {}, blocking: true, result: true }));
    assert.equal(missing.statusCode, 502);
    assert.match(missing.message, /params\.image must be a base64 string/);
    const garbage = (await s.ow.actions.invoke({ name: 'mn-wasm', params: { image: Buffer.from('not an image').toString('base64') }, blocking: true, result: true })) as { result: { error?: string }; success: boolean };
    assert.equal(garbage.success, false);
    assert.ok(garbage.result.error, JSON.stringify(garbage));
  });
});
