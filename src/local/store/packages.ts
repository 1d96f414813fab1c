// The packages of one namespace as OpenWhisk keeps them (WhiskPackage): plain packages and
// bindings ({namespace, name} of the bound package), created and updated as Packages.scala does.
import { z } from 'zod';
import { HttpError } from '../http/exchange.js';
import { messages } from '../messages.js';
import type { KeyValue } from './actionSchema.js';
import { upPatch } from './version.js';
import { EntityMap } from './entity-map.js';

const keyValues = z.array(z.object({ key: z.string(), value: z.unknown() }));

export const packagePutSchema = z.object({
  binding: z.object({ namespace: z.string().min(1), name: z.string().min(1) }).optional(),
  parameters: keyValues.optional(),
  annotations: keyValues.optional(),
  version: z.string().optional(),
  publish: z.boolean().optional(),
});
export type PackagePut = z.infer<typeof packagePutSchema>;

export interface PackageBinding {
  namespace: string;
  name: string;
}

export interface WhiskPackage {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: KeyValue[];
  parameters: KeyValue[];
  /** `{}` for a package, the bound package for a binding (OpenWhisk writes `binding: {}`). */
  binding: PackageBinding | Record<string, never>;
  updated: number;
}

/** Packages.scala RESERVED_NAMES: the implicit package of actions outside any package. */
const RESERVED_NAMES = ['default'];

export function isBinding(pkg: WhiskPackage): pkg is WhiskPackage & { binding: PackageBinding } {
  return 'name' in pkg.binding;
}

export class PackageStore extends EntityMap<WhiskPackage> {

  /** `validBinding` is checked by the caller, who can see other namespaces (whisk.system). */
  put(name: string, body: PackagePut, overwrite: boolean): WhiskPackage {
    if (RESERVED_NAMES.includes(name)) throw new HttpError(400, messages.packageNameIsReserved(name));
    const old = this.entries.get(name);
    if (old && !overwrite) throw new HttpError(409, messages.resourceAlreadyExists);
    if (old && body.binding && !isBinding(old)) throw new HttpError(409, messages.packageCannotBecomeBinding);
    const binding = body.binding ?? old?.binding ?? {};
    // The controller always sets the `binding` annotation itself (Packages.scala bindingAnnotation).
    const given = (body.annotations ?? old?.annotations ?? []).filter((a) => a.key !== 'binding');
    const pkg: WhiskPackage = {
      namespace: this.namespace,
      name,
      version: body.version ?? (old ? upPatch(old.version) : '0.0.1'),
      publish: body.publish ?? old?.publish ?? false,
      annotations: 'name' in binding ? [...given, { key: 'binding', value: binding }] : given,
      parameters: body.parameters ?? old?.parameters ?? [],
      binding,
      updated: Date.now(),
    };
    this.entries.set(name, pkg);
    return pkg;
  }

  delete(name: string): WhiskPackage {
    const pkg = this.entries.get(name);
    if (!pkg) throw new HttpError(404, messages.resourceDoesNotExist);
    this.entries.delete(name);
    return pkg;
  }
}


/** Parameters merged as OpenWhisk merges them: later lists override earlier keys. */
export function mergeParameters(...lists: KeyValue[][]): KeyValue[] {
  const merged = new Map<string, unknown>();
  for (const list of lists) for (const { key, value } of list) merged.set(key, value);
  return [...merged].map(([key, value]) => ({ key, value }));
}
