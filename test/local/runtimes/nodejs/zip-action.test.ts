// Zipped nodejs:20 actions through the openwhisk client: a Buffer becomes base64 `exec.code`
// (openwhisk-client-js lib/actions.js actionBodyWithCode), the server derives `binary: true`
// (OPENWHISK.md §2.2, Exec.scala isBinaryCode), and the runtime unpacks it and loads package.json's
// `main` with its node_modules (apache/openwhisk-runtime-nodejs core/nodejsActionBase/runner.js).
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { rejection, startWhisk, type Record, type Started } from '../../helpers.js';

function zip(files: { [path: string]: string }): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([p, text]) => [p, strToU8(text)]))));
}

describe('local server: zipped nodejs:20 actions', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
  });
  after(() => s.whisk.close());

  it('runs package.json main with a dependency from node_modules', async () => {
    const code = zip({
      'package.json': JSON.stringify({ name: 'greeter', main: 'lib/entry.js' }),
      'lib/entry.js': 'const shout = require("shout"); exports.main = (p) => ({ greeting: shout("hello " + p.name), deps: require("shout/package.json").version });',
      'node_modules/shout/package.json': JSON.stringify({ name: 'shout', version: '1.2.3', main: 'index.js' }),
      'node_modules/shout/index.js': 'module.exports = (s) => s.toUpperCase() + "!";',
    });
    const created = (await s.ow.actions.create({ name: 'greeter', action: code, kind: 'nodejs:20' })) as unknown as { exec: { binary: boolean } };
    assert.equal(created.exec.binary, true);
    const result = await s.ow.actions.invoke({ name: 'greeter', blocking: true, result: true, params: { name: 'zip' } });
    assert.deepEqual(result, { greeting: 'HELLO ZIP!', deps: '1.2.3' });
  });

  it('falls back to index.js and honours a custom main name', async () => {
    const code = zip({ 'index.js': 'exports.handler = (p) => ({ twice: p.n * 2 });' });
    await s.ow.actions.create({ name: 'indexed', action: { exec: { kind: 'nodejs:20', code: code.toString('base64'), main: 'handler' } } });
    assert.deepEqual(await s.ow.actions.invoke({ name: 'indexed', blocking: true, result: true, params: { n: 21 } }), { twice: 42 });
  });

  it('fails initialization (developer error, 502) for a zip without an entry file or one escaping its folder', async () => {
    await s.ow.actions.create({ name: 'empty', action: zip({ 'README.md': 'nothing to run' }), kind: 'nodejs:20' });
    const failure = await rejection(s.ow.actions.invoke({ name: 'empty', blocking: true }));
    assert.equal(failure.statusCode, 502);
    const record = failure.error as Record;
    assert.equal(record.response.status, 'action developer error');
    assert.match(String(record.response.result.error), /^Initialization has failed due to: .*package\.json or index\.js/);
    await s.ow.actions.create({ name: 'slip', action: zip({ '../escape.js': 'exports.main = () => ({})', 'index.js': 'exports.main = () => ({})' }), kind: 'nodejs:20' });
    const slip = await rejection(s.ow.actions.invoke({ name: 'slip', blocking: true }));
    assert.match(String((slip.error as Record).response.result.error), /outside the action folder/);
  });
});
