// The key stays secret (issue 15, item 4): `owbench serve --auth-file` and `owbench run
// --auth-file` keep it out of every process's arguments, and the server passes it to no action
// (run body, environment, /proc of its parent) unless the action is annotated provide-api-key,
// OpenWhisk's rule. Checked raw and base64 in cmdlines, results, records, logs, run logs, reports.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openwhisk from 'openwhisk';
import * as msg from '../../src/cli/messages.js';
import { repoRoot, runCliAsync } from '../helpers/cli.js';
import { actionsJs, secretKey, tempDir, writeExperiment } from '../openwhisk/helpers.js';

function leaks(text: string, key: string): string[] {
  const secret = key.split(':')[1]!;
  const forms = [key, secret, Buffer.from(key).toString('base64'), Buffer.from(secret).toString('base64')];
  return forms.filter((form) => text.includes(form));
}

/** The arguments of every process on the machine this user can see. */
function allCmdlines(): string {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
    } catch {
      return ''; // gone meanwhile
    }
  }).join('\n');
}

/** Everything an action process can learn: its run body or parameters, environment, and its parent's arguments. */
const NODE_SPY = `function main(params) {
  const fs = require('fs');
  return { params, env: process.env, pid: process.pid, parent: process.ppid > 0 ? fs.readFileSync('/proc/' + process.ppid + '/cmdline', 'latin1') : '' };
}`;
const BLACKBOX_SPY = `#!/usr/bin/python3
import json, os, sys
out = os.fdopen(3, 'w')
out.write('{"ok": true}\\n'); out.flush()
for line in sys.stdin:
    parent = open('/proc/%d/cmdline' % os.getppid(), 'rb').read().decode('latin1')
    out.write(json.dumps({'body': line, 'env': dict(os.environ), 'pid': os.getpid(), 'parent': parent}) + '\\n'); out.flush()
`;

async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; apihost: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli.ts'), 'serve', '--port', '0', ...args], {
    cwd: repoRoot, env: { ...process.env, NODE_EXTRA_CA_CERTS: '', __OW_API_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const apihost = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /OpenWhisk API on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, apihost, output: () => out };
}

describe('cli: the auth key stays secret', function () {
  this.timeout(120_000);
  const isolated = { HOME: tempDir('owbench-home-'), __OW_API_HOST: '', __OW_API_KEY: '', __OW_NAMESPACE: '', WSK_CONFIG_FILE: '' };

  it('serve --auth-file: in no cmdline, no action\'s body, environment or parent, no record, log, run log or report', async () => {
    const key = secretKey();
    const folder = tempDir('owbench-key-');
    const keyFile = path.join(folder, 'key');
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
    const spy = path.join(folder, 'spy.py');
    writeFileSync(spy, BLACKBOX_SPY);
    chmodSync(spy, 0o755);
    const config = path.join(folder, 'whisk.json');
    // Process isolation: there an action shares the server's pid namespace and could read its
    // cmdline and environ (in Docker it sees neither); the Python spy needs the host's python3.
    writeFileSync(config, JSON.stringify({ isolation: 'process', blackbox: { images: { 'owbench/spy': spy } } }));
    const served = await serve(['--auth-file', keyFile, '--config', config], isolated);
    try {
      const ow = openwhisk({ apihost: served.apihost, api_key: key });
      await ow.actions.create({ name: 'node-spy', action: { exec: { kind: 'nodejs:20', code: NODE_SPY } } as never });
      await ow.actions.create({ name: 'box-spy', action: { exec: { kind: 'blackbox', image: 'owbench/spy' } } as never });
      await ow.actions.create({ name: 'trusted', action: { exec: { kind: 'nodejs:20', code: NODE_SPY }, annotations: [{ key: 'provide-api-key', value: true }] } as never });
      const results: Array<Record<string, unknown>> = [];
      for (const name of ['node-spy', 'box-spy', 'node-spy']) {
        results.push((await ow.actions.invoke({ name, blocking: true, result: true, params: { hello: 'world' } })) as Record<string, unknown>);
      }
      // The action processes are still up (warm): read their environment as the system sees it.
      const environs = results.map((r) => readFileSync(`/proc/${Number(r.pid)}/environ`, 'latin1')).join('\n');
      assert.match(String(results[1].body), /"activation_id"/, 'the blackbox spy saw its run body');
      assert.match(String(results[0].parent), /serve/, 'the node spy read its parent\'s arguments');
      // OpenWhisk's rule, honoured: an action annotated provide-api-key gets the key, the others never.
      const trusted = (await ow.actions.invoke({ name: 'trusted', blocking: true, result: true })) as { env: Record<string, string> };
      assert.equal(trusted.env.__OW_API_KEY, key);
      const records = (await ow.activations.list({ docs: true, limit: 50 } as never)) as unknown as Array<{ name: string; activationId: string }>;
      const untrusted = records.filter((r) => r.name !== 'trusted');
      const logs = await Promise.all(untrusted.map((r) => ow.activations.logs({ name: r.activationId })));
      // A run through `owbench run --auth-file` against the same server: nothing in the log, report or output.
      const experiment = writeExperiment(folder, {
        name: 'secret', runtimes: [{ name: 'node', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'echo.js') }],
        concurrency: [1], repetitions: 2, cold: 'fresh-action',
      });
      const run = await runCliAsync(['run', experiment, '--out', path.join(folder, 'run.ndjson'), '--report', path.join(folder, 'run.md'),
        '--apihost', served.apihost, '--auth-file', keyFile, '--quiet'], { env: isolated });
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stderr, /warning: --auth/);
      const files = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'key')
        .map((e) => readFileSync(path.join(e.parentPath, e.name), 'latin1')).join('\n');
      const everything = [allCmdlines(), JSON.stringify(results), environs, JSON.stringify(untrusted), JSON.stringify(logs), served.output(), run.stdout, run.stderr, files].join('\n');
      assert.deepEqual(leaks(everything, key), []);
    } finally {
      served.child.kill('SIGTERM');
    }
  });

  it('--auth still works, with a warning on stderr; the key comes from __OW_API_KEY or ~/.wskprops too', async () => {
    const key = secretKey();
    const viaFlag = await serve(['--auth', key], isolated);
    try {
      assert.ok(viaFlag.output().includes(`owbench: ${msg.authOnCommandLine()}`));
      assert.notDeepEqual(leaks(allCmdlines(), key), [], 'the reason for the warning: the process list shows it');
      await openwhisk({ apihost: viaFlag.apihost, api_key: key }).actions.list();
    } finally {
      viaFlag.child.kill('SIGTERM');
    }
    const home = tempDir('owbench-home-');
    writeFileSync(path.join(home, '.wskprops'), `APIHOST=http://127.0.0.1:1\nAUTH=${key}\n`);
    for (const env of [{ ...isolated, __OW_API_KEY: key }, { ...isolated, HOME: home }]) {
      const served = await serve([], env);
      try {
        assert.doesNotMatch(served.output(), /warning/);
        await openwhisk({ apihost: served.apihost, api_key: key }).actions.list();
        assert.deepEqual(leaks(served.output(), key), []);
      } finally {
        served.child.kill('SIGTERM');
      }
    }
  });

  it('a bad --auth-file is exit 2 and its content is never quoted', async () => {
    const folder = tempDir('owbench-key-');
    const bad = path.join(folder, 'key');
    writeFileSync(bad, 'not a key at all\n');
    const result = await runCliAsync(['serve', '--auth-file', bad], { env: isolated });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, `owbench: ${msg.authFileMalformed(bad)}\n`);
    const missing = await runCliAsync(['run', 'x.json', '--auth-file', path.join(folder, 'none')], { env: isolated });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, `owbench: ${msg.authFileUnreadable(path.join(folder, 'none'), 'ENOENT')}\n`);
  });
});
