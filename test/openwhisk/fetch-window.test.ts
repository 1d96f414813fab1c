// The window a pull covers: times as epoch ms or ISO 8601 (UTC unless zoned), names as OpenWhisk
// takes them, and an upto that never passes the start of the pull.
import assert from 'node:assert/strict';
import { UsageError } from '../../src/errors.js';
import { fetchMessages as msg } from '../../src/openwhisk/fetch-messages.js';
import { describeWindow, parseInstant, resolveWindow } from '../../src/openwhisk/fetch-window.js';

describe('fetch window', () => {
  it('reads epoch ms, ISO dates and times (UTC unless zoned) and Dates', () => {
    assert.equal(parseInstant('1733000000000', '--since'), 1733000000000);
    assert.equal(parseInstant(1733000000000, '--since'), 1733000000000);
    assert.equal(parseInstant('2026-12-01', '--since'), Date.UTC(2026, 11, 1));
    assert.equal(parseInstant('2026-12-01T09:30', '--since'), Date.UTC(2026, 11, 1, 9, 30));
    assert.equal(parseInstant('2026-12-01T09:30:15.250Z', '--since'), Date.UTC(2026, 11, 1, 9, 30, 15, 250));
    assert.equal(parseInstant('2026-12-01T09:30:00+02:00', '--since'), Date.UTC(2026, 11, 1, 7, 30));
    assert.equal(parseInstant(new Date(Date.UTC(2026, 0, 2)), '--upto'), Date.UTC(2026, 0, 2));
  });

  for (const bad of ['yesterday', '2026-13-01', '12/01/2026', '-5', '1.5', '']) {
    it(`rejects ${JSON.stringify(bad)} with a named message`, () => {
      assert.throws(() => parseInstant(bad, '--since'), (error: unknown) => error instanceof UsageError && error.exitCode === 2 && error.message === msg.badInstant('--since', bad));
    });
  }

  it('defaults upto to the start of the pull and never goes past it; checks names and order', () => {
    assert.deepEqual(resolveWindow({}, 5000), { name: null, since: null, upto: 5000 });
    assert.deepEqual(resolveWindow({ upto: 9000, since: 100, name: 'pkg/a' }, 5000), { name: 'pkg/a', since: 100, upto: 5000 });
    assert.throws(() => resolveWindow({ since: 6000 }, 5000), { message: msg.emptyWindow(6000, 5000) });
    for (const name of ['a/b/c', '/a', 'a/', 'a b']) assert.throws(() => resolveWindow({ name }, 5000), { message: msg.badName(name) });
    assert.equal(describeWindow({ name: 'a', since: 0, upto: 1000 }), 'started 1970-01-01T00:00:00.000Z … 1970-01-01T00:00:01.000Z, action a');
    assert.equal(describeWindow({ name: null, since: null, upto: 1000 }), 'started … 1970-01-01T00:00:01.000Z');
  });
});
