// Every runtime kind through the openwhisk client: nodejs:default, blackbox (a registered image
// and a path under the configured folder) and wasm:0.1 (a .wasm sent as binary code), each cold
// then warm with OpenWhisk's record shape. The C actions are built from data/actions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCActions, buildDir } from './runtimes/helpers.js';
import { annotation, hasAnnotation, rejection, startWhisk, waitForRecord, type Record, type Started } from './helpers.js';

const native = path.join(buildDir, 'native');

describe('local server: each runtime kind through the openwhisk client', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    buildCActions();
    s = await startWhisk({ blackbox: { images: { 'owbench/noop': path.join(native, 'noop') }, folder: native } });
  });
  after(() => s.whisk.close());

  async function coldThenWarm(name: string): Promise<[Record, Record]> {
    const cold = (await s.ow.actions.invoke({ name, blocking: true })) as unknown as Record;
    const warm = (await s.ow.actions.invoke({ name, blocking: true })) as unknown as Record;
    assert.ok(hasAnnotation(cold, 'initTime'), `${name}: cold has initTime`);
    assert.equal(hasAnnotation(warm, 'initTime'), false, `${name}: warm has none`);
    for (const r of [cold, warm]) {
      assert.equal(r.end - r.start, r.duration);
      assert.equal(r.response.status, 'success');
    }
    return [cold, warm];
  }

  it('nodejs:default resolves to nodejs:20', async () => {
    const action = (await s.ow.actions.create({ name: 'js', action: 'function main() { return { pid: process.pid }; }' })) as {
      exec: { kind: string };
    };
    assert.equal(action.exec.kind, 'nodejs:20');
    const [cold, warm] = await coldThenWarm('js');
    assert.equal(annotation(cold, 'kind'), 'nodejs:20');
    assert.equal(warm.response.result.pid, cold.response.result.pid);
  });

  it('blackbox: a registered image and an executable under the folder, one process per container', async () => {
    await s.ow.actions.create({ name: 'bb', action: { exec: { kind: 'blackbox', image: 'owbench/noop' }, limits: { memory: 512 } } });
    const [cold, warm] = await coldThenWarm('bb');
    assert.equal(annotation(cold, 'kind'), 'blackbox');
    assert.equal((annotation(cold, 'limits') as { memory: number }).memory, 512);
    assert.equal(cold.response.result.ok, true);
    assert.equal(warm.response.result.pid, cold.response.result.pid, 'the warm call reuses the process');

    await s.ow.actions.create({ name: 'bbfolder', action: { exec: { kind: 'blackbox', image: 'sleep' } } });
    const slept = (await s.ow.actions.invoke({ name: 'bbfolder', blocking: true, params: { ms: 50 } })) as unknown as Record;
    assert.deepEqual(slept.response.result, { slept: 50 });
    assert.ok(slept.duration >= 50);
  });

  it('blackbox: an image that names nothing is a developer error before any /init (duration 0)', async () => {
    for (const image of ['not/registered', '../noop']) {
      await s.ow.actions.update({ name: 'ghost', action: { exec: { kind: 'blackbox', image } } });
      const error = await rejection(s.ow.actions.invoke({ name: 'ghost', blocking: true }));
      assert.equal(error.statusCode, 502);
      const record = error.error as Record;
      assert.deepEqual(record.response.result, { error: `Failed to pull container image '${image}'.` });
      assert.equal(record.duration, 0);
      assert.equal(hasAnnotation(record, 'initTime'), false);
    }
  });

  it('wasm:0.1: a module sent as binary code runs in an instance, with the wow result envelope', async () => {
    const module = readFileSync(path.join(buildDir, 'wasm', 'sleep.wasm'));
    const created = (await s.ow.actions.create({ name: 'wasm', action: module, kind: 'wasm:0.1' })) as { exec: { binary: boolean } };
    assert.equal(created.exec.binary, true, 'base64 code is binary');
    const [cold] = await coldThenWarm('wasm');
    assert.equal(annotation(cold, 'kind'), 'wasm:0.1');
    const result = cold.response.result as { result: unknown; status: string; success: boolean };
    assert.deepEqual(result.result, { slept: 100 });
    assert.equal(result.success, true);
    const stored = await waitForRecord(s.ow, cold.activationId);
    assert.ok(Array.isArray(stored.logs));
  });

  it('rejects unknown kinds and blackbox actions without an image with 400', async () => {
    const unknown = await rejection(s.ow.actions.create({ name: 'py', action: 'def main(a): return a', kind: 'python:3' }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.error.error, /^The specified runtime 'python:3' is not supported by this platform\. Valid values are: /);
    const noImage = await rejection(s.ow.actions.create({ name: 'bb2', action: { exec: { kind: 'blackbox' } } }));
    assert.equal(noImage.error.error, "'image' must be a string defined in 'exec' for 'blackbox' actions");
  });
});
