// Finds the action an API path names, as the controller resolves it
// (WhiskActionMetaData.resolveActionAndMergeParameters): `pkg/action` needs the package (404
// otherwise); through a binding the bound package's action runs; parameters merge package <
// binding < action (later ones win), and the caller's payload goes on top.
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { KeyValue } from '../store/actionSchema.js';
import type { ActionStore, WhiskAction } from '../store/actions.js';
import { isBinding, mergeParameters, type PackageStore } from '../store/packages.js';
import type { WhiskContext } from './context.js';

/** The namespace every user may read (its packages are published), as OpenWhisk's catalog. */
export const SYSTEM_NAMESPACE = 'whisk.system';

export interface NamespaceEntities {
  namespace: string;
  actions: ActionStore;
  packages: PackageStore;
}

export interface ResolvedAction {
  action: WhiskAction;
  /** Package, binding and action parameters, merged. */
  parameters: KeyValue[];
  /** `ns/binding` when invoked through a package binding (the activation's `binding` annotation). */
  binding?: string;
}

/** The user's own namespace (`_` or its name) or whisk.system; undefined for any other. */
export function entitiesOf(ctx: WhiskContext, namespace: string): NamespaceEntities | undefined {
  if (namespace === '_' || namespace === ctx.namespace) return { namespace: ctx.namespace, actions: ctx.actions, packages: ctx.packages };
  if (namespace === SYSTEM_NAMESPACE) return ctx.system;
  return undefined;
}

/**
 * Through the REST API another namespace's entities are readable only inside a published package
 * (the entitlement check's `isPublic`); 403 otherwise. Web actions skip this: they are public.
 */
export function assertEntitled(ctx: WhiskContext, namespace: string, fullName: string): void {
  const entities = entitiesOf(ctx, namespace);
  if (entities !== ctx.system) return;
  const pkg = entities.packages.get(fullName.split('/')[0]!);
  if (!fullName.includes('/') || (pkg && !pkg.publish)) throw new HttpError(403, messages.notAuthorized);
}

export function resolveAction(ctx: WhiskContext, namespace: string, fullName: string): ResolvedAction {
  assertEntitled(ctx, namespace, fullName);
  const found = findAction(ctx, namespace, fullName);
  if (!found) throw new HttpError(404, messages.resourceDoesNotExist);
  return found;
}

export function findAction(ctx: WhiskContext, namespace: string, fullName: string): ResolvedAction | undefined {
  const entities = entitiesOf(ctx, namespace);
  if (!entities) return undefined;
  const slash = fullName.indexOf('/');
  if (slash < 0) {
    const action = entities.actions.get(fullName);
    return action && { action, parameters: action.parameters };
  }
  const pkgName = fullName.slice(0, slash);
  const actionName = fullName.slice(slash + 1);
  const pkg = entities.packages.get(pkgName);
  if (!pkg) return undefined;
  if (!isBinding(pkg)) {
    const action = entities.actions.get(fullName);
    return action && { action, parameters: mergeParameters(pkg.parameters, action.parameters) };
  }
  const source = entitiesOf(ctx, pkg.binding.namespace);
  const sourcePkg = source?.packages.get(pkg.binding.name);
  const action = sourcePkg && source?.actions.get(`${sourcePkg.name}/${actionName}`);
  if (!action || !sourcePkg) return undefined;
  return {
    action,
    parameters: mergeParameters(sourcePkg.parameters, pkg.parameters, action.parameters),
    binding: `${entities.namespace}/${pkgName}`,
  };
}

/**
 * A sequence component or rule action given as `/ns/name` or `/ns/pkg/name` (`_` is the user's
 * namespace); undefined when the name is not fully qualified.
 */
export function splitFullyQualified(fqn: string): { namespace: string; name: string } | undefined {
  const parts = fqn.split('/');
  if (parts[0] !== '' || parts.length < 3 || parts.length > 4 || parts.slice(1).some((p) => p === '')) return undefined;
  return { namespace: parts[1]!, name: parts.slice(2).join('/') };
}

export function findFullyQualified(ctx: WhiskContext, fqn: string): ResolvedAction | undefined {
  const parts = splitFullyQualified(fqn);
  return parts && findAction(ctx, parts.namespace, parts.name);
}

/** A name as OpenWhisk writes it in components and rules: `/ns/name` with `_` resolved. */
export function qualify(ctx: WhiskContext, fqn: string): string {
  const parts = splitFullyQualified(fqn);
  if (!parts) throw new HttpError(400, messages.malformedFullyQualifiedEntityName);
  return `/${parts.namespace === '_' ? ctx.namespace : parts.namespace}/${parts.name}`;
}
