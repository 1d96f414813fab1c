// /namespaces/{ns}/packages[/{name}]: list, get (a binding shows the bound package's actions with
// both parameter lists merged: Packages.scala mergePackageWithBinding), put (a binding must name
// an existing package that is not itself a binding: checkBinding), delete (409 while the package
// still holds actions).
import { readJsonBody } from '../http/body.js';
import { HttpError, sendJson, type Exchange } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { WhiskAction } from '../store/actions.js';
import { isBinding, mergeParameters, packagePutSchema, type WhiskPackage } from '../store/packages.js';
import type { WhiskContext } from './context.js';
import { booleanParam, pageParams } from './query.js';
import { entitiesOf, type NamespaceEntities } from './resolve.js';

const PACKAGE_BODY_LIMIT = 1024 * 1024;

export function listPackages(ctx: WhiskContext, ex: Exchange, namespace: string): void {
  const { skip, limit } = pageParams(ex.url.searchParams, 'packages');
  const entities = entitiesOf(ctx, namespace);
  // Another namespace lists only its published packages (WhiskPackage.publicPackagesView).
  const all = (entities?.packages.list() ?? []).filter((p) => entities === ctx.system ? p.publish : true);
  if (booleanParam(ex.url.searchParams, 'count')) return sendJson(ex, 200, { packages: all.length });
  sendJson(ex, 200, all.slice(skip, skip + limit).map(summary));
}

export function getPackage(ctx: WhiskContext, ex: Exchange, namespace: string, name: string): void {
  const entities = entitiesOf(ctx, namespace);
  const pkg = entities?.packages.get(name);
  if (!pkg || !entities) throw new HttpError(404, messages.resourceDoesNotExist);
  if (entities === ctx.system && !pkg.publish) throw new HttpError(403, messages.notAuthorized);
  if (!isBinding(pkg)) return sendJson(ex, 200, withActions(pkg, pkg, entities));
  const source = entitiesOf(ctx, pkg.binding.namespace);
  const bound = source?.packages.get(pkg.binding.name);
  if (!bound || !source) throw new HttpError(404, messages.resourceDoesNotExist);
  sendJson(ex, 200, withActions({ ...pkg, parameters: mergeParameters(bound.parameters, pkg.parameters) }, bound, source));
}

export async function putPackage(ctx: WhiskContext, ex: Exchange, name: string): Promise<void> {
  const overwrite = booleanParam(ex.url.searchParams, 'overwrite');
  const parsed = packagePutSchema.safeParse((await readJsonBody(ex.req, PACKAGE_BODY_LIMIT, 'Package')) ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, messages.malformedRequest(`${issue.path.join('.')}: ${issue.message}`));
  }
  const body = parsed.data;
  if (body.binding) {
    const ns = body.binding.namespace === '_' ? ctx.namespace : body.binding.namespace;
    const bound = entitiesOf(ctx, ns)?.packages.get(body.binding.name);
    if (!bound) throw new HttpError(400, messages.bindingDoesNotExist);
    if (isBinding(bound)) throw new HttpError(400, messages.bindingCannotReferenceBinding);
    body.binding = { namespace: ns, name: body.binding.name };
  }
  sendJson(ex, 200, ctx.packages.put(name, body, overwrite));
}

export function deletePackage(ctx: WhiskContext, ex: Exchange, name: string): void {
  const pkg = ctx.packages.get(name);
  if (pkg && !isBinding(pkg)) {
    const count = actionsIn(ctx.actions.list(), name).length;
    if (count > 0) throw new HttpError(409, messages.packageNotEmpty(count));
  }
  sendJson(ex, 200, ctx.packages.delete(name));
}

/**
 * The list view (whisks.v2.1.0 `packages` view): no parameters, `binding` false for a package and
 * the bound package for a binding.
 */
function summary(pkg: WhiskPackage) {
  const { namespace, name, version, publish, annotations, updated } = pkg;
  return { namespace, name, version, publish, annotations, updated, binding: isBinding(pkg) ? pkg.binding : false };
}

/** WhiskPackageWithActions: the package plus `actions` ({name, version, annotations}) and `feeds`. */
function withActions(shown: WhiskPackage, owner: WhiskPackage, entities: NamespaceEntities) {
  const contained = actionsIn(entities.actions.list(), owner.name).map((a) => ({ name: a.name, version: a.version, annotations: a.annotations }));
  const isFeed = (a: { annotations: WhiskAction['annotations'] }) => a.annotations.some((x) => x.key === 'feed');
  return { ...shown, actions: contained.filter((a) => !isFeed(a)), feeds: contained.filter(isFeed) };
}

function actionsIn(actions: WhiskAction[], pkgName: string): WhiskAction[] {
  return actions.filter((a) => a.namespace.endsWith(`/${pkgName}`) && a.namespace.split('/').length === 2);
}
