// Which isolation runs the actions, through the openwhisk client: without Docker the server falls
// back to process containers and says so (GET /, every activation's `isolation` annotation); a
// config that requires Docker refuses to start without it; under CI=true Docker must be used.
import assert from 'node:assert/strict';
import { startLocalWhisk } from '../../src/index.js';
import { buildCActions } from './runtimes/helpers.js';
import { annotation, startWhisk, type Record } from './helpers.js';
import { nativeAction } from './docker-helpers.js';

const NO_SOCKET = '/nonexistent/owbench-docker.sock';

describe('local server: isolation (Docker, or processes and why)', function () {
  this.timeout(30_000);
  before(buildCActions);

  it('falls back to processes where no Docker engine answers, and says so everywhere', async () => {
    const s = await startWhisk({ stemCells: [], dockerSocket: NO_SOCKET });
    try {
      assert.equal(s.whisk.isolation.docker, false);
      assert.match(s.whisk.isolation.reason!, /no Docker engine at \/nonexistent\/owbench-docker\.sock \(ENOENT\)/);
      const info = (await (await fetch(`${s.whisk.apihost}/`)).json()) as { isolation: { docker: boolean; reason: string; kinds: Record } };
      assert.deepEqual(info.isolation.kinds, { 'nodejs:20': 'process', 'nodejs:default': 'process', blackbox: 'process', 'wasm:0.1': 'thread' });
      assert.equal(info.isolation.reason, s.whisk.isolation.reason);
      // a native action as OpenWhisk deploys it (dockerskeleton + zip) runs in the fallback too
      await s.ow.actions.create({ name: 'native', action: nativeAction('alloc', 128) } as never);
      const native = (await s.ow.actions.invoke({ name: 'native', blocking: true, params: { mb: 4 } })) as unknown as Record;
      assert.deepEqual(native.response.result, { allocatedMb: 4, pages: 1024 });
      assert.equal(annotation(native, 'isolation'), 'process');
      await s.ow.actions.create({ name: 'js', action: 'function main() { return {}; }' });
      const js = (await s.ow.actions.invoke({ name: 'js', blocking: true })) as unknown as Record;
      assert.equal(annotation(js, 'isolation'), 'process');
    } finally {
      await s.whisk.close();
    }
  });

  it('refuses to start when the config requires Docker and there is none', async () => {
    await assert.rejects(startLocalWhisk({ config: { isolation: 'docker', dockerSocket: NO_SOCKET } }),
      /'docker' needs a Docker engine, but no Docker engine at \/nonexistent\/owbench-docker\.sock \(ENOENT\)/);
  });

  it('uses Docker by default where an engine runs (required under CI=true)', async function () {
    const s = await startWhisk({ stemCells: [] });
    try {
      if (process.env.CI === 'true') assert.equal(s.whisk.isolation.docker, true, `CI must run the Docker backend: ${s.whisk.isolation.reason}`);
      if (!s.whisk.isolation.docker) this.skip();
      await s.ow.actions.create({ name: 'js', action: 'function main() { return {}; }' });
      const js = (await s.ow.actions.invoke({ name: 'js', blocking: true })) as unknown as Record;
      assert.equal(annotation(js, 'isolation'), 'docker');
    } finally {
      await s.whisk.close();
    }
  });
});
