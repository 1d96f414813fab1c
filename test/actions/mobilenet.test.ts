// The demo workload (data/actions/mobilenet): nsfwjs's MobileNetV2 in C, built for blackbox (gcc)
// and wasm:0.1 (clang), invoked through the openwhisk client on the embedded server with a
// photograph as base64 params. Its probabilities must match nsfwjs's own tfjs inference.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rejection, startWhisk, type Started } from '../local/helpers.js';
import { buildCActions, buildDir } from '../local/runtimes/helpers.js';
import { classifyWithNsfwjs, type Classified } from './reference.js';

// chelsea.png is the demo's input; coffee.png, another size and scene, checks it is no coincidence
const photos = ['chelsea.png', 'coffee.png'];
const TOLERANCE = 1e-5;

interface Answer {
  label: string;
  confidence: number;
  probabilities: Record<string, number>;
  width: number;
  height: number;
}

describe('action mobilenet (MobileNetV2 α 1.4 from nsfwjs, one C source, two targets)', function () {
  this.timeout(300_000);
  let s: Started;
  const reference: Record<string, Classified> = {};
  const answers: Record<string, { native: Answer; wasm: Answer }> = {};

  before(async () => {
    buildCActions();
    // the references first: tfjs blocks this process's event loop, the embedded server's too
    for (const photo of photos) reference[photo] = await classifyWithNsfwjs(join(buildDir, 'mobilenet', photo));
    s = await startWhisk({ blackbox: { folder: join(buildDir, 'native') } });
    const wasm = readFileSync(join(buildDir, 'wasm', 'mobilenet.wasm')).toString('base64');
    await s.ow.actions.create({ name: 'mn-native', action: { exec: { kind: 'blackbox', image: 'mobilenet' } } });
    await s.ow.actions.create({ name: 'mn-wasm', action: { exec: { kind: 'wasm:0.1', code: wasm, binary: true } } as never });
    for (const photo of photos) {
      const image = readFileSync(join(buildDir, 'mobilenet', photo)).toString('base64');
      const native = (await s.ow.actions.invoke({ name: 'mn-native', params: { image }, blocking: true, result: true })) as unknown as Answer;
      const envelope = (await s.ow.actions.invoke({ name: 'mn-wasm', params: { image }, blocking: true, result: true })) as unknown as { result: Answer; success: boolean };
      assert.equal(envelope.success, true, JSON.stringify(envelope));
      answers[photo] = { native, wasm: envelope.result };
    }
  });
  after(async () => {
    await s?.whisk.close();
  });

  it('runs the reference on tfjs\'s CPU backend, which works offline', () => {
    for (const photo of photos) {
      assert.equal(reference[photo]!.backend, 'cpu');
      assert.deepEqual(Object.keys(reference[photo]!.probabilities).sort(), ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy']);
    }
  });

  for (const photo of photos) {
    for (const target of ['native', 'wasm'] as const) {
      it(`${target}, ${photo}: every class probability matches nsfwjs's tfjs inference within ${TOLERANCE}`, () => {
        const answer = answers[photo]![target];
        const expected = reference[photo]!;
        assert.deepEqual(Object.keys(answer.probabilities).sort(), Object.keys(expected.probabilities).sort());
        for (const [name, p] of Object.entries(expected.probabilities)) {
          const got = answer.probabilities[name]!;
          assert.ok(Math.abs(got - p) <= TOLERANCE, `${target} ${name}: ${got} vs tfjs ${p}`);
        }
        const best = Object.entries(expected.probabilities).sort((a, b) => b[1] - a[1])[0]!;
        assert.equal(answer.label, best[0]);
        assert.equal(answer.confidence, answer.probabilities[best[0]]);
        assert.deepEqual([answer.width, answer.height], [expected.width, expected.height]); // as pngjs decoded it
      });
    }

    it(`answers the same natively and in WebAssembly (${photo})`, () => {
      assert.deepEqual(answers[photo]!.wasm, answers[photo]!.native);
    });
  }

  it('tells the photographs apart (the answer depends on the input)', () => {
    assert.notDeepEqual(answers['chelsea.png']!.native.probabilities, answers['coffee.png']!.native.probabilities);
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
