import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseWskprops, resolveConnection } from '../../src/openwhisk/connection.js';
import { UsageError } from '../../src/errors.js';
import { secretKey, tempDir } from './helpers.js';

function home(props?: string): string {
  const folder = tempDir('owbench-home-');
  if (props !== undefined) writeFileSync(path.join(folder, '.wskprops'), props);
  return folder;
}

describe('openwhisk/connection', () => {
  const keyA = secretKey();
  const keyB = secretKey();
  const keyC = secretKey();

  it('is null (embedded) when nothing is configured', () => {
    assert.equal(resolveConnection({ env: {}, home: home() }), null);
  });

  it('reads ~/.wskprops', () => {
    const connection = resolveConnection({ env: {}, home: home(`APIHOST=whisk.example:443\nAUTH=${keyA}\nNAMESPACE=team\n`) });
    assert.deepEqual({ ...connection, from: undefined }, { apihost: 'https://whisk.example:443', auth: keyA, namespace: 'team', from: undefined });
  });

  it('prefers the environment over .wskprops, and flags over both, setting by setting', () => {
    const props = home(`APIHOST=https://props.example\nAUTH=${keyA}\nNAMESPACE=props-ns\n`);
    const env = { __OW_API_HOST: 'http://env.example:3233', __OW_API_KEY: keyB };
    const fromEnv = resolveConnection({ env, home: props })!;
    assert.equal(fromEnv.apihost, 'http://env.example:3233');
    assert.equal(fromEnv.auth, keyB);
    assert.equal(fromEnv.namespace, 'props-ns', 'a setting the environment lacks still comes from .wskprops');
    const fromFlags = resolveConnection({ flags: { auth: keyC, namespace: 'flag-ns' }, env, home: props })!;
    assert.equal(fromFlags.apihost, 'http://env.example:3233');
    assert.equal(fromFlags.auth, keyC);
    assert.equal(fromFlags.namespace, 'flag-ns');
    assert.deepEqual(fromFlags.from, { apihost: 'environment', auth: 'command line', namespace: 'command line' });
  });

  it('honours WSK_CONFIG_FILE instead of ~/.wskprops', () => {
    const other = path.join(tempDir(), 'props');
    writeFileSync(other, `APIHOST=http://cfg.example\nAUTH=${keyB}\n`);
    const connection = resolveConnection({ env: { WSK_CONFIG_FILE: other }, home: home(`APIHOST=http://home.example\nAUTH=${keyA}\n`) })!;
    assert.equal(connection.apihost, 'http://cfg.example');
    assert.equal(connection.auth, keyB);
    assert.equal(connection.namespace, '_');
  });

  it('refuses half a configuration without echoing the key', () => {
    assert.throws(
      () => resolveConnection({ env: { __OW_API_KEY: keyA }, home: home() }),
      (error: Error) => error instanceof UsageError && /no API host/.test(error.message) && !error.message.includes(keyA.split(':')[1]!),
    );
    assert.throws(() => resolveConnection({ flags: { apihost: 'http://x' }, env: {}, home: home() }), /no auth key/);
    assert.throws(
      () => resolveConnection({ flags: { apihost: 'http://x', auth: 'no-colon-secret' }, env: {}, home: home() }),
      (error: Error) => /not of the form UUID:KEY/.test(error.message) && !error.message.includes('no-colon-secret'),
    );
  });

  it('parses wskprops like client-go: comments, blanks, = inside values', () => {
    assert.deepEqual(parseWskprops('# c\n\nAPIHOST = h\nAUTH=a:b=c\r\nJUNK\n'), { APIHOST: 'h', AUTH: 'a:b=c' });
  });
});
