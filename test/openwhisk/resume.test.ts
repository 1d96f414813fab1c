// A driver killed with SIGKILL mid-run and resumed with --resume ends with every planned trial
// in the log exactly once, each with its record, and (on a target that outlives the driver)
// nothing invoked twice.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startLocalWhisk } from '../../src/local/server.js';
import { readRunLog } from '../../src/openwhisk/runlog.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { actionsJs, secretKey, serverActivationCount, tempDir, writeExperiment } from './helpers.js';

const cli = path.join(repoRoot, 'src/cli.ts');

/** Runs the CLI without blocking this process (whose event loop may be serving OpenWhisk). */
function runCliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Starts the CLI and SIGKILLs it once the log holds `trials` trial lines. */
function runAndKill(args: string[], log: string, trials: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const timer = setInterval(() => {
      const count = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('"type":"trial"')).length : 0;
      if (count >= trials) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 20);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the driver finished before it was killed (exit ${code}): ${stderr}`));
      else resolve(existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter((line) => line.includes('"type":"trial"')).length : 0);
    });
  });
}

function experiment(folder: string): string {
  return writeExperiment(folder, {
    name: 'killed',
    runtimes: [
      { name: 'a', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'sleep.js') },
      { name: 'b', kind: 'nodejs:20', memory: 128, code: path.join(actionsJs, 'sleep.js') },
    ],
    concurrency: [1, 3],
    repetitions: 3,
    params: { ms: 150 },
    cold: 'fresh-action',
    order: 'interleaved',
    seed: 3,
  });
}

async function assertComplete(log: string, planned: number): Promise<void> {
  const state = await readRunLog(log); // refuses a trial or an activation logged twice
  assert.equal(state.trials.size, planned);
  for (const line of state.trials.values()) {
    assert.equal(line.outcome, 'ok', line.trial);
    assert.ok(line.activation_id && state.activations.has(line.activation_id), `${line.trial} has its record`);
  }
}

describe('openwhisk/resume (SIGKILL, then --resume)', function () {
  this.timeout(180000);

  it('the embedded target: resumes to a complete log', async () => {
    const folder = tempDir();
    const log = path.join(folder, 'run.ndjson');
    const before = await runAndKill(['run', experiment(folder), '--out', log, '--no-report', '--quiet'], log, 5);
    assert.ok(before >= 5 && before < 24, `killed after ${before} trials`);
    const resumed = runCli(['run', '--resume', log, '--no-report', '--quiet']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stdout, /24\/24 planned trials logged, 24 with their activation record/);
    await assertComplete(log, 24);
  });

  it('a target that outlives the driver: orphans of the killed batch are adopted, nothing runs twice', async () => {
    const server = await startLocalWhisk({ auth: secretKey() });
    try {
      const folder = tempDir();
      const log = path.join(folder, 'run.ndjson');
      const flags = ['--apihost', server.apihost, '--auth', server.auth, '--no-report', '--quiet'];
      // Kill inside a concurrency-3 batch: after the first of its answers is logged.
      const before = await runAndKill(['run', experiment(folder), '--out', log, ...flags], log, 7);
      assert.ok(before >= 7 && before < 24, `killed after ${before} trials`);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the server finishes what it was running
      const resumed = await runCliAsync(['run', '--resume', log, ...flags]);
      assert.equal(resumed.status, 0, resumed.stderr);
      await assertComplete(log, 24);
      assert.equal(await serverActivationCount(server), 24, 'no invocation was sent twice');
    } finally {
      await server.close();
    }
  });
});
