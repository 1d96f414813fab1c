// Web actions on the embedded server, called with curl and no credentials, as a browser or SeBS
// calls them. WEB = apache/openwhisk core/controller/src/main/scala/org/apache/openwhisk/core/
// controller/WebActions.scala (mediaTranscoders, Context.toActionArgument, confirmExportedAction,
// confirmAuthenticated, completeRequest); MSG = common/scala/.../http/ErrorResponse.scala.
import assert from 'node:assert/strict';
import { curl } from '../curl.js';
import { annotation, startWhisk, waitForRecord, type Started } from '../helpers.js';

const echo = 'function main(p) { return p; }';

describe('local server: web actions', function () {
  this.timeout(60_000);
  let s: Started;
  let web: string;
  before(async () => {
    s = await startWhisk();
    web = `${s.whisk.apihost}/api/v1/web/guest`;
    const exported = { 'web-export': true };
    await s.ow.actions.create({ name: 'echo', action: echo, annotations: exported });
    await s.ow.actions.create({ name: 'hidden', action: echo });
    await s.ow.actions.create({
      name: 'page',
      action: 'function main(p) { return { statusCode: 201, headers: { "X-Custom": "yes" }, body: "<b>" + (p.name || "") + "</b>" }; }',
      annotations: exported,
    });
    await s.ow.actions.create({ name: 'words', action: 'function main() { return { text: "plain words", html: "<p>words</p>" }; }', annotations: exported });
    await s.ow.actions.create({ name: 'raw', action: echo, annotations: { 'web-export': true, 'raw-http': true } });
    await s.ow.actions.create({ name: 'mine', action: echo, annotations: { 'web-export': true, 'require-whisk-auth': true } });
    await s.ow.actions.create({ name: 'secret', action: echo, annotations: { 'web-export': true, 'require-whisk-auth': 'letmein' } });
    await s.ow.actions.create({ name: 'fixed', action: echo, params: { x: 1 }, annotations: { 'web-export': true, final: true } });
    await s.ow.packages.create({ name: 'site' });
    await s.ow.actions.create({ name: 'site/hello', action: 'function main(p) { return { hello: p.who }; }', annotations: exported });
  });
  after(() => s.whisk.close());

  it('.json: query and JSON body merged with the __ow_* context, no credentials needed', async () => {
    const answer = await curl(`${web}/default/echo.json/some/path?q=1`, '-X', 'POST', '-H', 'Content-Type: application/json', '-d', '{"b":2}');
    assert.equal(answer.status, 200);
    assert.match(answer.headers['content-type']!, /^application\/json/);
    const params = JSON.parse(answer.body) as { [k: string]: unknown };
    // Context.toActionArgument: metadata (__ow_method lower case, __ow_headers, __ow_path), then query, then body.
    assert.equal(params.__ow_method, 'post');
    assert.equal(params.__ow_path, '/some/path');
    assert.equal(params.q, '1');
    assert.equal(params.b, 2);
    assert.equal((params.__ow_headers as { [k: string]: string })['content-type'], 'application/json');
    // Not authenticated: no __ow_user (metadata adds it only for an authenticated caller).
    assert.equal('__ow_user' in params, false);
    // completeRequest → respondWithActivationIdHeader; the record is an ordinary activation.
    const record = await waitForRecord(s.ow, answer.headers['x-openwhisk-activation-id']!);
    assert.equal(annotation(record, 'path'), 'guest/echo');
    assert.equal(record.response.status, 'success');
  });

  it('.http: statusCode, headers and a string body as text/html; no extension means .http', async () => {
    for (const path of ['page.http?name=x', 'page?name=x']) {
      const answer = await curl(`${web}/default/${path}`);
      // resultAsHttp → interpretHttpResponse: the default content type of a string body is text/html.
      assert.equal(answer.status, 201, path);
      assert.equal(answer.headers['x-custom'], 'yes');
      assert.match(answer.headers['content-type']!, /^text\/html/);
      assert.equal(answer.body, '<b>x</b>');
    }
  });

  it('.text and .html pick `text` and `html`; a missing one is 404/400 as the transcoders answer', async () => {
    const text = await curl(`${web}/default/words.text`);
    assert.deepEqual([text.status, text.body], [200, 'plain words']);
    const html = await curl(`${web}/default/words.html`);
    assert.deepEqual([html.status, html.body], [200, '<p>words</p>']);
    assert.match(html.headers['content-type']!, /^text\/html/);
    // resultAsSvg on a result without `svg` or `body`: 400 Messages.invalidMedia.
    const svg = await curl(`${web}/default/words.svg`);
    assert.equal(svg.status, 400);
    assert.equal((JSON.parse(svg.body) as { error: string }).error, "Response is not valid 'image/svg+xml'.");
  });

  it('404 for an action that is not web-exported, or missing; actions in packages are served', async () => {
    // confirmExportedAction: not exported → NotFound.
    assert.equal((await curl(`${web}/default/hidden.json`)).status, 404);
    assert.equal((await curl(`${web}/default/ghost.json`)).status, 404);
    assert.equal((await curl(`${web}/nosuchpkg/echo.json`)).status, 404);
    const hello = await curl(`${web}/site/hello.json?who=world`);
    assert.deepEqual([hello.status, JSON.parse(hello.body)], [200, { hello: 'world' }]);
  });

  it('raw-http passes the query and body unparsed as __ow_query and __ow_body', async () => {
    const answer = await curl(`${web}/default/raw.json?a=1&b=two`, '-X', 'PUT', '-H', 'Content-Type: text/plain', '--data-binary', 'just text');
    const params = JSON.parse(answer.body) as { [k: string]: unknown };
    assert.equal(params.__ow_query, 'a=1&b=two');
    assert.equal(params.__ow_body, 'just text');
    assert.equal(params.__ow_method, 'put');
    assert.equal('a' in params, false);
  });

  it('require-whisk-auth: true needs the user credentials, a string needs X-Require-Whisk-Auth', async () => {
    // confirmAuthenticated: JsTrue → authenticated user required; JsString → header must match.
    assert.equal((await curl(`${web}/default/mine.json`)).status, 401);
    const authed = await curl(`${web}/default/mine.json`, `user = "${s.whisk.auth}"`);
    assert.equal(authed.status, 200);
    const params = JSON.parse(authed.body) as { [k: string]: unknown };
    assert.equal(params.__ow_user, 'guest');
    // owbench passes no Authorization header on to the action (the key reaches no action).
    assert.equal('authorization' in (params.__ow_headers as object), false);
    assert.equal((await curl(`${web}/default/secret.json`)).status, 401);
    assert.equal((await curl(`${web}/default/secret.json`, '-H', 'X-Require-Whisk-Auth: wrong')).status, 401);
    assert.equal((await curl(`${web}/default/secret.json`, '-H', 'X-Require-Whisk-Auth: letmein')).status, 200);
  });

  it('answers a CORS preflight itself without running the action', async () => {
    const before = ((await s.ow.activations.list({ count: true } as never)) as unknown as { activations: number }).activations;
    const answer = await curl(`${web}/default/echo.json`, '-X', 'OPTIONS', '-H', 'Access-Control-Request-Headers: X-Thing');
    // WebActions.scala: without `web-custom-options`, OPTIONS gets the default CORS response.
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    assert.equal(answer.headers['access-control-allow-headers'], 'X-Thing');
    assert.equal(((await s.ow.activations.list({ count: true } as never)) as unknown as { activations: number }).activations, before);
  });

  it('keeps final parameters (400 when a request sets one) and merges form bodies', async () => {
    // Context.overrides(... ++ action.immutableParameters): `final: true` freezes the action's parameters.
    assert.equal((await curl(`${web}/default/fixed.json?x=2`)).status, 400);
    const form = await curl(`${web}/default/fixed.json`, '-d', 'y=3&z=four');
    assert.deepEqual(JSON.parse(form.body).x, 1);
    assert.deepEqual([JSON.parse(form.body).y, JSON.parse(form.body).z], ['3', 'four']);
  });

  it('refuses requests that set reserved __ow_* parameters (400)', async () => {
    const answer = await curl(`${web}/default/echo.json?__ow_method=get`);
    // Context.overrides(reservedProperties) → Messages.parametersNotAllowed.
    assert.equal(answer.status, 400);
    assert.equal((JSON.parse(answer.body) as { error: string }).error, 'Request defines parameters that are not allowed (e.g., reserved properties).');
  });
});
