// The actions of the one namespace this server hosts: create, update (merge + version bump as
// OpenWhisk's WhiskActionPut does), get, list, delete. `pkg/action` names are kept whole.
import { messages } from '../messages.js';
import { HttpError } from '../http/exchange.js';
import {
  LIMIT_BOUNDS,
  isBinaryCode,
  type ActionLimits,
  type ActionPut,
  type KeyValue,
} from './actionSchema.js';

export interface ActionExec {
  kind: string;
  code?: string;
  binary: boolean;
  main?: string;
  image?: string;
  /** A sequence's components, fully qualified (`/ns/action`, `/ns/pkg/action`). */
  components?: string[];
}

/** An action as OpenWhisk serializes it (`namespace` includes the package, `name` does not). */
export interface WhiskAction {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  exec: ActionExec;
  annotations: KeyValue[];
  parameters: KeyValue[];
  limits: ActionLimits;
  updated: number;
}

/** The kinds this server runs; `:default` aliases resolve to these. */
export const SUPPORTED_KINDS = ['nodejs:20', 'blackbox', 'wasm:0.1'] as const;
const KIND_ALIASES: Record<string, string> = { 'nodejs:default': 'nodejs:20', 'wasm:default': 'wasm:0.1' };

export class ActionStore {
  private readonly actions = new Map<string, WhiskAction>();

  constructor(readonly namespace: string) {}

  /** `fullName` is `action` or `pkg/action`. */
  get(fullName: string): WhiskAction | undefined {
    return this.actions.get(fullName);
  }

  list(): WhiskAction[] {
    return [...this.actions.values()].sort((a, b) => b.updated - a.updated);
  }

  delete(fullName: string): WhiskAction {
    const action = this.actions.get(fullName);
    if (!action) throw new HttpError(404, messages.resourceDoesNotExist);
    this.actions.delete(fullName);
    return action;
  }

  put(fullName: string, body: ActionPut, overwrite: boolean): WhiskAction {
    const existing = this.actions.get(fullName);
    if (existing && !overwrite) throw new HttpError(409, messages.resourceAlreadyExists);
    const action = existing ? this.update(existing, body) : this.create(fullName, body);
    this.actions.set(fullName, action);
    return action;
  }

  private create(fullName: string, body: ActionPut): WhiskAction {
    if (!body.exec) throw new HttpError(400, messages.malformedRequest("'exec' undefined"));
    const exec = normalizeExec(body.exec);
    const slash = fullName.lastIndexOf('/');
    const given = body.annotations ?? [];
    const annotations = [...given];
    // Controller amendAnnotations: provide-api-key false unless given, and the exec kind.
    if (!given.some((a) => a.key === 'provide-api-key')) annotations.push({ key: 'provide-api-key', value: false });
    annotations.push({ key: 'exec', value: exec.kind });
    return {
      namespace: slash < 0 ? this.namespace : `${this.namespace}/${fullName.slice(0, slash)}`,
      name: fullName.slice(slash + 1),
      version: body.version ?? '0.0.1',
      publish: body.publish ?? false,
      exec,
      annotations: dropDeleted(annotations, body.delAnnotations),
      parameters: body.parameters ?? [],
      limits: { ...defaultLimits(), ...body.limits },
      updated: Date.now(),
    };
  }

  private update(old: WhiskAction, body: ActionPut): WhiskAction {
    const exec = body.exec ? normalizeExec(body.exec) : old.exec;
    const merged = mergeAnnotations(old.annotations, body.annotations ?? []);
    const annotations = mergeAnnotations(merged, [{ key: 'exec', value: exec.kind }]);
    return {
      ...old,
      version: body.version ?? upPatch(old.version),
      publish: body.publish ?? old.publish,
      exec,
      annotations: dropDeleted(annotations, body.delAnnotations),
      parameters: body.parameters ?? old.parameters,
      limits: { ...old.limits, ...body.limits },
      updated: Date.now(),
    };
  }
}

export function defaultLimits(): ActionLimits {
  return {
    concurrency: LIMIT_BOUNDS.concurrency.std,
    logs: LIMIT_BOUNDS.logs.std,
    memory: LIMIT_BOUNDS.memory.std,
    timeout: LIMIT_BOUNDS.timeout.std,
  };
}

function normalizeExec(exec: NonNullable<ActionPut['exec']>): ActionExec {
  const lower = exec.kind.toLowerCase();
  const kind = KIND_ALIASES[lower] ?? lower;
  // The components were checked (and qualified) by the API before the store sees them.
  if (kind === 'sequence') return { kind, components: exec.components ?? [], binary: false };
  if (!(SUPPORTED_KINDS as readonly string[]).includes(kind)) {
    throw new HttpError(400, messages.unsupportedKind(exec.kind, SUPPORTED_KINDS));
  }
  if (kind === 'blackbox' && typeof exec.image !== 'string') throw new HttpError(400, messages.imageRequired);
  if (kind !== 'blackbox' && typeof exec.code !== 'string') {
    throw new HttpError(400, messages.malformedRequest(`'code' must be a string defined in 'exec' for '${kind}' actions`));
  }
  const code = exec.code;
  return {
    kind,
    ...(code !== undefined ? { code } : {}),
    binary: code !== undefined && isBinaryCode(code),
    ...(exec.main ? { main: exec.main } : {}),
    ...(kind === 'blackbox' ? { image: exec.image } : {}),
  };
}

function mergeAnnotations(base: KeyValue[], overrides: KeyValue[]): KeyValue[] {
  const out = base.filter((a) => !overrides.some((o) => o.key === a.key));
  return [...out, ...overrides];
}

function dropDeleted(annotations: KeyValue[], deleted: string[] | undefined): KeyValue[] {
  return deleted ? annotations.filter((a) => !deleted.includes(a.key)) : annotations;
}

function upPatch(version: string): string {
  const [major = '0', minor = '0', patch = '0'] = version.split('.');
  return `${major}.${minor}.${Number(patch) + 1}`;
}

/** The action JSON for GET/PUT/DELETE answers; `code=false` leaves the code out. */
export function actionJson(action: WhiskAction, withCode = true): WhiskAction {
  // SequenceExec serializes as {kind, components} only.
  if (action.exec.kind === 'sequence') return { ...action, exec: { kind: 'sequence', components: action.exec.components } as ActionExec };
  if (withCode) return action;
  const { code: _code, ...exec } = action.exec;
  return { ...action, exec: exec as ActionExec };
}
