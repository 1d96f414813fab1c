// The driver's only door to OpenWhisk: the `openwhisk` npm client, with its answers sorted into
// what the driver must do next. Nothing here retries; the callers decide, because only they know
// whether a retry could duplicate an invocation. Messages never carry the key.
import openwhisk from 'openwhisk';
import { CliError } from '../errors.js';
import type { Connection } from './connection.js';

export type OwRecord = Record<string, unknown> & { activationId: string };

export type InvokeAnswer =
  /** 200, or 502/500 carrying the activation record (application, developer, internal error). */
  | { kind: 'record'; status: number; record: OwRecord }
  /** 202: accepted, still running when the blocking wait ended. */
  | { kind: 'accepted'; status: 202; activationId: string }
  /** 429: refused before any activation existed; safe to send again. */
  | { kind: 'throttled'; status: 429 }
  /** 5xx without an activation id: the controller refused before accepting (no activation exists). */
  | { kind: 'refused'; status: number; message: string }
  /** The connection failed: the invocation may or may not exist. */
  | { kind: 'unknown'; message: string };

export interface Whisk {
  readonly client: openwhisk.Client;
  readonly connection: Pick<Connection, 'apihost' | 'namespace'>;
}

export function connect(connection: Connection): Whisk {
  const client = openwhisk({ apihost: connection.apihost, api_key: connection.auth, namespace: connection.namespace });
  return { client, connection: { apihost: connection.apihost, namespace: connection.namespace } };
}

export interface ClientError {
  statusCode?: number;
  message?: string;
  error?: unknown;
}

/** One blocking invoke, classified. Other 4xx answers (bad request, auth, missing action) are fatal. */
export async function invokeBlocking(whisk: Whisk, name: string, params: Record<string, unknown>): Promise<InvokeAnswer> {
  try {
    const body = (await whisk.client.actions.invoke({ name, blocking: true, params })) as unknown;
    if (isRecord(body)) return { kind: 'record', status: 200, record: body };
    const id = activationIdOf(body);
    if (id) return { kind: 'accepted', status: 202, activationId: id };
    // A JSON-array result replaces the record in the reply; the record is then looked up.
    return { kind: 'unknown', message: 'the reply carried no activation record' };
  } catch (caught) {
    const error = caught as ClientError;
    const status = error.statusCode;
    if (status === undefined) return { kind: 'unknown', message: cleanMessage(error.message) };
    if (status === 429) return { kind: 'throttled', status };
    if (isRecord(error.error)) return { kind: 'record', status, record: error.error };
    if (status >= 500) return { kind: 'refused', status, message: serverMessage(error) };
    throw fatal(`invoking ${name}`, status, error);
  }
}

export type FetchAnswer = { kind: 'record'; record: OwRecord } | { kind: 'absent' } | { kind: 'retry'; message: string };

/** GET an activation: absent while the store lags (404); connection and 5xx failures may be retried. */
export async function fetchActivation(whisk: Whisk, activationId: string): Promise<FetchAnswer> {
  try {
    const record = (await whisk.client.activations.get({ name: activationId })) as unknown;
    if (isRecord(record)) return { kind: 'record', record };
    return { kind: 'retry', message: 'the store answered without a record' };
  } catch (caught) {
    const error = caught as ClientError;
    if (error.statusCode === 404) return { kind: 'absent' };
    if (error.statusCode === undefined || error.statusCode >= 500 || error.statusCode === 429) {
      return { kind: 'retry', message: cleanMessage(error.message) };
    }
    throw fatal(`reading activation ${activationId}`, error.statusCode, error);
  }
}

/** Full records of one action's activations since an epoch ms (newest first, at most 200). */
export async function listActivations(whisk: Whisk, name: string, since: number): Promise<OwRecord[] | null> {
  try {
    const list = (await whisk.client.activations.list({ name, since, docs: true, limit: 200 } as never)) as unknown;
    return Array.isArray(list) ? list.filter(isRecord) : [];
  } catch (caught) {
    const error = caught as ClientError;
    if (error.statusCode === undefined || error.statusCode >= 500 || error.statusCode === 429) return null;
    throw fatal(`listing activations of ${name}`, error.statusCode, error);
  }
}

/** PUT an action with overwrite (idempotent, so connection failures are retried by the caller). */
export async function putAction(whisk: Whisk, name: string, body: Record<string, unknown>): Promise<'ok' | 'retry'> {
  try {
    await whisk.client.actions.create({ name, action: body as never, overwrite: true });
    return 'ok';
  } catch (caught) {
    const error = caught as ClientError;
    if (error.statusCode === undefined || error.statusCode >= 500 || error.statusCode === 429) return 'retry';
    throw fatal(`deploying action ${name}`, error.statusCode, error);
  }
}

export async function getAction(whisk: Whisk, name: string): Promise<Record<string, unknown>> {
  try {
    return (await whisk.client.actions.get({ name, code: true } as never)) as unknown as Record<string, unknown>;
  } catch (caught) {
    const error = caught as ClientError;
    throw fatal(`reading action ${name}`, error.statusCode, error);
  }
}

export async function deleteAction(whisk: Whisk, name: string): Promise<void> {
  try {
    await whisk.client.actions.delete({ name });
  } catch {
    // Clean-up only: a failed delete leaves an unused action behind, never a wrong measurement.
  }
}

/**
 * A GET relative to the client's /api/v1/ base, through the client's own request path (its TLS
 * options, its agent): the npm client has no public call for paths outside its collections.
 */
export function getRelative(whisk: Whisk, relative: string): Promise<unknown> {
  const inner = (whisk.client.actions as unknown as { client: { request(method: string, path: string, options: object): Promise<unknown> } }).client;
  return inner.request('GET', relative, {});
}

/** What GET /api/v1 says about the server (through the client's own request path), or null. */
export async function serverInfo(whisk: Whisk): Promise<unknown> {
  try {
    return await getRelative(whisk, '../v1');
  } catch {
    return null;
  }
}

/**
 * Fails with "could not connect" when no connection to the API host can be made at all (refused,
 * unknown host, unreachable), before a run log is created; any HTTP answer means it is reachable.
 */
export async function reachServer(whisk: Whisk): Promise<void> {
  try {
    await getRelative(whisk, '../v1');
  } catch (caught) {
    const error = caught as ClientError;
    if (error.statusCode !== undefined) return;
    const reason = cleanMessage(error.message).replace(/^Unknown Error From API: /, '');
    throw new CliError(`could not connect to the API host ${whisk.connection.apihost}: ${reason} (is OpenWhisk running there? check --apihost, __OW_API_HOST or APIHOST)`, 2);
  }
}

export function isRecord(value: unknown): value is OwRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    typeof (value as { activationId?: unknown }).activationId === 'string' &&
    typeof (value as { response?: unknown }).response === 'object';
}

function activationIdOf(value: unknown): string | null {
  const id = (value as { activationId?: unknown } | null)?.activationId;
  return typeof id === 'string' ? id : null;
}

export function serverMessage(error: ClientError): string {
  const body = error.error as { error?: unknown } | undefined;
  return typeof body?.error === 'string' ? body.error : cleanMessage(error.message);
}

/** The client's message names the method and URL; neither holds the key, but strip userinfo anyway. */
export function cleanMessage(message: string | undefined): string {
  return (message ?? 'unknown error').replace(/\/\/[^/@\s]+@/g, '//');
}

function fatal(what: string, status: number | undefined, error: ClientError): CliError {
  const hint = status === 401 || status === 403 ? ' (check the auth key and namespace)' : '';
  return new CliError(`${what}: the server answered HTTP ${status ?? '?'}: ${serverMessage(error)}${hint}`, 1);
}
