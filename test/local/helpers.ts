// Shared by the embedded-server scenario tests: start a server, get an `openwhisk` client for it
// (as a user would: apihost with the http:// scheme), and read records.
import openwhisk from 'openwhisk';
import { startLocalWhisk, type LocalWhisk, type LocalWhiskConfig } from '../../src/index.js';

export type Client = ReturnType<typeof openwhisk>;

export interface Started {
  whisk: LocalWhisk;
  ow: Client;
}

export async function startWhisk(config: LocalWhiskConfig = {}): Promise<Started> {
  const whisk = await startLocalWhisk({ config });
  const ow = openwhisk({ apihost: whisk.apihost, api_key: whisk.auth, ignore_certs: true });
  return { whisk, ow };
}

export interface KeyValue {
  key: string;
  value: unknown;
}

export interface Record {
  activationId: string;
  annotations: KeyValue[];
  start: number;
  end: number;
  duration: number;
  name: string;
  namespace: string;
  logs: string[];
  response: { status: string; success: boolean; result: { [key: string]: unknown }; size?: number };
  [key: string]: unknown;
}

export function annotation(record: Record, key: string): unknown {
  return record.annotations.find((a) => a.key === key)?.value;
}

export function hasAnnotation(record: Record, key: string): boolean {
  return record.annotations.some((a) => a.key === key);
}

/** The OpenWhiskError a client call rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ statusCode?: number; message: string; error: any }> {
  try {
    await promise;
  } catch (error) {
    return error as { statusCode?: number; message: string; error: any };
  }
  throw new Error('expected the call to be rejected');
}

/** Polls GET /activations/{id} until the record is stored (as a client of real OpenWhisk must). */
export async function waitForRecord(ow: Client, activationId: string, timeoutMs = 10_000): Promise<Record> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await ow.activations.get({ activationId })) as unknown as Record;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404 || Date.now() > deadline) throw error;
      await sleep(25);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
