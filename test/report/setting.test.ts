// Where it ran, read from the run log's first line: embedded or a real deployment, the machine.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { settingsOf } from '../../src/report/setting.js';
import type { Source } from '../../src/types.js';
import { render } from './helpers.js';

const source = (file: string): Source => ({ path: file, sha256: '0'.repeat(64), format: 'run-log', runtimes: [] });

describe('report/setting: where a run took place', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'owbench-setting-'));

  it('reads a real deployment with its server description and machine', () => {
    const file = path.join(dir, 'real.ndjson');
    writeFileSync(file, `${JSON.stringify({
      type: 'run', target: { apihost: 'https://127.0.0.1:31001', namespace: 'guest', embedded: false },
      machine: { cpu: 'Test CPU', cores: 4, memory_mb: 8192, os: 'Linux 6.1 (x64)', node: 'v20.20.2' },
      server: { description: 'OpenWhisk', api_version: '1.0.0', build: '2024-01-01' }, started: '2026-01-01T00:00:00.000Z',
      deployment: { invokers: { total: 3, healthy: 2 }, concurrent_actions: 100, actions_per_minute: 600 },
      experiment: { name: 'x', concurrency: [1, 2], repetitions: 3, cold: 'fresh-action' },
    })}\n{"type":"trial"}\n`);
    const [s] = settingsOf([source(file)]);
    assert.equal(s.deployment, '3 invokers listed by the controller, 2 healthy; a limit of 100 concurrent invocations per namespace; 600 invocations per minute');
    assert.equal(s.embedded, false);
    assert.equal(s.server, 'OpenWhisk, API 1.0.0, build 2024-01-01');
    assert.deepEqual(s.machine, { cpu: 'Test CPU', cores: 4, memory_mb: 8192, os: 'Linux 6.1 (x64)', node: 'v20.20.2' });
    assert.deepEqual(s.experiment, { name: 'x', concurrency: [1, 2], repetitions: 3, cold: 'fresh-action' });
  });

  it('says when a real deployment did not list its invokers, and nothing of invokers for the embedded server', () => {
    const real = path.join(dir, 'edge.ndjson');
    writeFileSync(real, `${JSON.stringify({ type: 'run', target: { apihost: 'https://127.0.0.1:31001', embedded: false }, deployment: { invokers: null, concurrent_actions: null, actions_per_minute: null } })}\n`);
    assert.equal(settingsOf([source(real)])[0].deployment, 'the controller did not list its invokers (GET /invokers)');
    const local = path.join(dir, 'local.ndjson');
    writeFileSync(local, `${JSON.stringify({ type: 'run', target: { apihost: 'http://127.0.0.1:1', embedded: true }, deployment: { invokers: { total: 1, healthy: 1 } } })}\n`);
    assert.equal(settingsOf([source(local)])[0].deployment, null);
  });

  it('says nothing for inputs that are not run logs', () => {
    assert.deepEqual(settingsOf([{ ...source('data/seed-sweep/results.txt'), format: 'aggregate-python' }]), []);
  });

  it('names the embedded server in the demo document, and Apache OpenWhisk nowhere as its target', () => {
    const { markdown } = render(['data/runs/demo.ndjson'], {});
    assert.match(markdown, /on \*\*owbench's embedded OpenWhisk-compatible server\*\* \(not Apache OpenWhisk/);
    assert.match(markdown, /^## Where It Ran$/m);
    assert.match(markdown, /^- Machine: .+, \d+ cores, \d+ MB memory, .+, Node v\d+/m);
    assert.doesNotMatch(markdown, /on \*\*Apache OpenWhisk\*\*/);
    // The server isolates nodejs too, but the demo ran blackbox and wasm:0.1 only: only those are named.
    assert.match(markdown, /actions isolated per kind: `blackbox` in a Docker container, `wasm:0\.1` in a worker thread \(/);
    assert.doesNotMatch(markdown, /`nodejs:/);
  });

  it("names the isolation of the data's kinds only", () => {
    const file = path.join(dir, 'kinds.ndjson');
    writeFileSync(file, `${JSON.stringify({ type: 'run', target: { apihost: 'http://127.0.0.1:1', embedded: true, isolation: { 'nodejs:20': 'docker', blackbox: 'process', 'wasm:0.1': 'thread' } } })}\n`);
    assert.deepEqual(settingsOf([source(file)], new Set(['blackbox']))[0].isolation, [{ kind: 'blackbox', how: 'a process' }]);
    assert.equal(settingsOf([source(file)])[0].isolation.length, 3);
  });
});
