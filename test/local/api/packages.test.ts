// Packages and bindings on the embedded server through the openwhisk client. PK = apache/openwhisk
// core/controller/src/main/scala/org/apache/openwhisk/core/controller/Packages.scala, MSG =
// common/scala/src/main/scala/org/apache/openwhisk/http/ErrorResponse.scala (Messages).
import assert from 'node:assert/strict';
import { annotation, rejection, startWhisk, type Record, type Started } from '../helpers.js';

interface PackageJson {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  binding: { namespace?: string; name?: string };
  parameters?: Array<{ key: string; value: unknown }>;
  annotations: Array<{ key: string; value: unknown }>;
  actions?: Array<{ name: string; version: string }>;
  feeds?: unknown[];
}

describe('local server: packages and bindings', function () {
  this.timeout(60_000);
  let s: Started;
  before(async () => {
    s = await startWhisk();
  });
  after(() => s.whisk.close());

  it('creates, updates, gets, lists and counts packages with OpenWhisk fields', async () => {
    const created = (await s.ow.packages.create({
      name: 'tools',
      package: { parameters: [{ key: 'a', value: 'pkg' }, { key: 'b', value: 'pkg' }] },
    })) as unknown as PackageJson;
    // WhiskPackage JSON: binding {} for a plain package, version 0.0.1 (PK create).
    assert.deepEqual(Object.keys(created).sort(), ['annotations', 'binding', 'name', 'namespace', 'parameters', 'publish', 'updated', 'version']);
    assert.deepEqual([created.namespace, created.name, created.version, created.publish, created.binding], ['guest', 'tools', '0.0.1', false, {}]);
    // putEntity: 409 without overwrite (OPENWHISK.md §2.2, ApiUtils.scala putEntity).
    assert.equal((await rejection(s.ow.packages.create({ name: 'tools' }))).statusCode, 409);
    const updated = (await s.ow.packages.update({ name: 'tools', package: { publish: true } })) as unknown as PackageJson;
    // PK update: unspecified fields keep their old values; the version's patch goes up.
    assert.equal(updated.version, '0.0.2');
    assert.equal(updated.publish, true);
    assert.deepEqual(updated.parameters, created.parameters);
    const listed = (await s.ow.packages.list()) as unknown as Array<{ [k: string]: unknown }>;
    // whisks.v2.1.0 `packages` view (ansible/files/whisks_design_document_for_entities_db_v2.1.0.json):
    // no parameters, binding false for a plain package.
    assert.deepEqual(listed.map((p) => [p.name, p.binding, 'parameters' in p]), [['tools', false, false]]);
    assert.deepEqual(await s.ow.packages.list({ count: true } as never), { packages: 1 });
  });

  it('merges package parameters under action parameters, and the payload over both', async () => {
    await s.ow.actions.create({ name: 'tools/show', action: 'function main(p) { return p; }', params: { b: 'action', c: 'action' } });
    const result = await s.ow.actions.invoke({ name: 'tools/show', blocking: true, result: true, params: { c: 'payload' } });
    // WhiskAction.inherit: package parameters first, the action's override them; then the payload.
    assert.deepEqual(result, { a: 'pkg', b: 'action', c: 'payload' });
    const got = (await s.ow.packages.get({ name: 'tools' })) as unknown as PackageJson;
    // PK mergePackageWithBinding → withPackageActions: the package with its actions and feeds.
    assert.deepEqual(got.actions?.map((a) => [a.name, a.version]), [['show', '0.0.1']]);
    assert.deepEqual(got.feeds, []);
  });

  it('invokes through a binding with the binding parameters over the package ones', async () => {
    const binding = (await s.ow.packages.create({
      name: 'mytools',
      package: { binding: { namespace: '_', name: 'tools' }, parameters: [{ key: 'a', value: 'binding' }] },
    })) as unknown as PackageJson;
    // PK create: the binding is resolved and also set as the `binding` annotation.
    assert.deepEqual(binding.binding, { namespace: 'guest', name: 'tools' });
    assert.deepEqual(annotation(binding as unknown as Record, 'binding'), { namespace: 'guest', name: 'tools' });
    const record = (await s.ow.actions.invoke({ name: 'mytools/show', blocking: true, params: {} })) as unknown as Record;
    assert.deepEqual(record.response.result, { a: 'binding', b: 'action', c: 'action' });
    // OPENWHISK.md §1.4: `binding` annotation "ns/pkgBinding"; the path is the bound action's.
    assert.equal(annotation(record, 'binding'), 'guest/mytools');
    assert.equal(annotation(record, 'path'), 'guest/tools/show');
    // GET of a binding: the bound package's actions with both parameter lists merged.
    const listed = (await s.ow.packages.list()) as unknown as Array<{ name: string; binding: unknown }>;
    assert.deepEqual(listed.find((p) => p.name === 'mytools')?.binding, { namespace: 'guest', name: 'tools' });
    const got = (await s.ow.packages.get({ name: 'mytools' })) as unknown as PackageJson;
    assert.deepEqual(got.parameters, [{ key: 'a', value: 'binding' }, { key: 'b', value: 'pkg' }]);
    assert.deepEqual(got.actions?.map((a) => a.name), ['show']);
  });

  it('refuses bad bindings, reserved names and actions in missing packages or bindings', async () => {
    const missing = await rejection(s.ow.packages.create({ name: 'b1', package: { binding: { namespace: '_', name: 'ghost' } } }));
    assert.deepEqual([missing.statusCode, missing.error.error], [400, 'Binding references a package that does not exist.']);
    const chained = await rejection(s.ow.packages.create({ name: 'b2', package: { binding: { namespace: '_', name: 'mytools' } } }));
    assert.deepEqual([chained.statusCode, chained.error.error], [400, 'Cannot bind to another package binding.']);
    const reserved = await rejection(s.ow.packages.create({ name: 'default' }));
    assert.deepEqual([reserved.statusCode, reserved.error.error], [400, "Package name 'default' is reserved."]);
    const becoming = await rejection(s.ow.packages.update({ name: 'tools', package: { binding: { namespace: '_', name: 'tools' } } }));
    assert.deepEqual([becoming.statusCode, becoming.error.error], [409, 'Resource is a package and cannot be converted into a binding.']);
    // Actions.scala: an action in a package that does not exist is 404 (the item 1).
    assert.equal((await rejection(s.ow.actions.create({ name: 'ghost/a', action: 'function main() { return {}; }' }))).statusCode, 404);
    assert.equal((await rejection(s.ow.actions.invoke({ name: 'ghost/a', blocking: true }))).statusCode, 404);
    const intoBinding = await rejection(s.ow.actions.create({ name: 'mytools/x', action: 'function main() { return {}; }' }));
    assert.deepEqual([intoBinding.statusCode, intoBinding.error.error], [400, 'Operation not permitted on package binding.']);
  });

  it('deletes a package only once it is empty (409 before), bindings at any time', async () => {
    const full = await rejection(s.ow.packages.delete({ name: 'tools' }));
    // PK remove: "Package not empty (contains 1 entity)".
    assert.deepEqual([full.statusCode, full.error.error], [409, 'Package not empty (contains 1 entity)']);
    assert.equal(((await s.ow.packages.delete({ name: 'mytools' })) as unknown as PackageJson).name, 'mytools');
    await s.ow.actions.delete({ name: 'tools/show' });
    assert.equal(((await s.ow.packages.delete({ name: 'tools' })) as unknown as PackageJson).name, 'tools');
    assert.equal((await rejection(s.ow.packages.get({ name: 'tools' }))).statusCode, 404);
  });
});
