// The image a blackbox action runs on in Docker: OpenWhisk's names map to ours (with or without
// registry and tag), a registered executable is mounted into the action-loop image, any other
// name is itself (checked by a local inspect when the container is created).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ACTIONLOOP_IMAGE, NODEJS_IMAGE, bareName, blackboxPlan } from '../../../../src/local/runtimes/docker/images.js';
import { buildCActions, buildDir } from '../helpers.js';

describe('runtimes/docker/images', () => {
  before(buildCActions);

  it('strips the registry and the tag', () => {
    assert.equal(bareName('docker.io/openwhisk/dockerskeleton:nightly'), 'openwhisk/dockerskeleton');
    assert.equal(bareName('openwhisk/actionloop-v2'), 'openwhisk/actionloop-v2');
    assert.equal(bareName('localhost:5000/team/img:1.2'), 'localhost:5000/team/img');
  });

  it("maps OpenWhisk's image names to the images built here", () => {
    assert.deepEqual(blackboxPlan('openwhisk/dockerskeleton', {}), { image: ACTIONLOOP_IMAGE });
    assert.deepEqual(blackboxPlan('openwhisk/actionloop-v2:latest', {}), { image: ACTIONLOOP_IMAGE });
    assert.deepEqual(blackboxPlan('openwhisk/action-nodejs-v20:nightly', {}), { image: NODEJS_IMAGE });
    assert.deepEqual(blackboxPlan('example/own:1', {}), { image: 'example/own:1' });
  });

  it('mounts a registered executable into the action-loop image', () => {
    const noop = join(buildDir, 'native', 'noop');
    assert.deepEqual(blackboxPlan('owbench/noop', { blackboxImages: { 'owbench/noop': noop } }), { image: ACTIONLOOP_IMAGE, executable: noop });
    assert.deepEqual(blackboxPlan('noop', { blackboxFolder: join(buildDir, 'native') }), { image: ACTIONLOOP_IMAGE, executable: noop });
  });
});
