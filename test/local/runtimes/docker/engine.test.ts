// Every Engine API call the pool waits on ends: an engine that accepts the connection and never
// answers (a stuck dockerd) fails the call within its timeout instead of holding an activation,
// and the server's shutdown behind it, forever.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerEngine } from '../../../../src/local/runtimes/docker/engine.js';

describe('runtimes/docker/engine against an engine that never answers', () => {
  let folder: string;
  let server: Server;
  const sockets: Socket[] = [];

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'owbench-engine-'));
    server = createServer((socket) => {
      sockets.push(socket); // reads the request, answers nothing
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(join(folder, 'docker.sock'), resolve));
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  it('an attach with no upgrade fails after its timeout', async () => {
    const engine = new DockerEngine(join(folder, 'docker.sock'));
    const started = Date.now();
    await assert.rejects(engine.attach('c0ffee', 300), /attach: no answer within 300 ms/);
    const waited = Date.now() - started;
    assert.ok(waited >= 290 && waited < 5000, `waited ${waited} ms`);
  });

  it('a call with no answer fails after its timeout', async () => {
    const engine = new DockerEngine(join(folder, 'docker.sock'));
    await assert.rejects(engine.call('GET', '/_ping', undefined, 300), /no answer within 300 ms/);
  });
});
