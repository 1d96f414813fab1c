// Shared by the ingest tests: the peer's files, temporary inputs, and asserting an InputError.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/errors.js';
import { needPeerData, repoRoot, sharedData } from '../helpers/cli.js';

export const PEER_FILES = {
  wasmCold: 'input_wasm_cold_start.json',
  vanillaCold: 'input_vanilla_cold_start.json',
  vanillaColdPullDisabled: 'input_vanilla_cold_start_pull_disabled.json',
  wasmWarm: 'input_wasm_prewarmed.json',
  vanillaWarm: 'input_vanilla_prewarmed.json',
} as const;

export function peer(name: string): string {
  needPeerData();
  return path.join(sharedData, name);
}

/** The peer's raw records of one grouped file, in file order, with their group's level. */
export function peerRecords(name: string): Array<{ concurrency: number; record: Record<string, unknown> }> {
  const groups = JSON.parse(readFileSync(peer(name), 'utf8')) as Array<{ no_concurrent_requests: number; responses: Array<Record<string, unknown>> }>;
  return groups.flatMap((g) => g.responses.map((record) => ({ concurrency: g.no_concurrent_requests, record })));
}

/** The value of one annotation of a raw OpenWhisk record. */
export function annotation(record: Record<string, unknown>, key: string): unknown {
  return (record.annotations as Array<{ key: string; value: unknown }>).find((a) => a.key === key)?.value;
}

let dir: string | undefined;

/** Writes `content` to a fresh file under one temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  dir ??= mkdtempSync(path.join(tmpdir(), 'owbench-ingest-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Asserts that `run` throws an InputError with exactly this file, place and problem. */
export function throwsInput(run: () => unknown, file: string, place: string | null, problem: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.file, file);
    assert.equal(error.place, place);
    assert.equal(error.problem, problem);
    assert.equal(error.exitCode, 2);
    return true;
  });
}

export const SEED_PAIR = path.join(repoRoot, 'data/seed-pair/activations.json');

/** The peer's records as flat records (what a user's own script might write). */
export function peerAsFlat(name: string): Array<Record<string, unknown>> {
  return peerRecords(name).map(({ concurrency, record }, i) => {
    const result = (record.response as { result: Record<string, unknown> }).result;
    // wasm nests the answer in result.result; the blackbox action prints it into result.body.
    const body = typeof result.body === 'string' ? JSON.parse(result.body.slice(result.body.indexOf('{'))) : undefined;
    const inner = ((result.result ?? body) as Record<string, unknown> | undefined) ?? {};
    const init = annotation(record, 'initTime');
    return {
      run: i + 1,
      activationId: record.activationId,
      kind: annotation(record, 'kind'),
      memory: (annotation(record, 'limits') as { memory: number }).memory,
      concurrency,
      ...(init === undefined ? {} : { initTime: init }),
      duration: record.duration,
      waitTime: annotation(record, 'waitTime'),
      ...(inner.label === undefined ? {} : { confidence: inner.confidence, label: inner.label }),
      status: 'success',
    };
  });
}

/** A real-shaped fixture of test/ingest/fixtures (records written as OpenWhisk returns them). */
export function fixture(name: string): string {
  return path.join(repoRoot, 'test/ingest/fixtures', name);
}

/** The message a call throws. */
export function captured(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('it did not throw');
}
