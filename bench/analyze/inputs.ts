// The analyze benchmark's three inputs, from the same generated records (flat-records.ts): the
// flat JSON array, OpenWhisk activation records as NDJSON (GET /activations/{id}'s shape: timings
// in annotations, status and statusCode in response, a timeout as OpenWhisk marks it; no
// concurrency, which records do not carry: every group's level is unrecorded), and CSV with the
// activation table's columns. Written once, then reused.
import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';
import { flatRecords, writeFlatRecords } from './flat-records.js';

/** ActivationResult.scala's codes, in order: 0 success … 3 whisk internal error. */
const STATUS_CODES = ['success', 'application error', 'action developer error', 'whisk internal error'];

export type InputFormat = 'flat' | 'ndjson' | 'csv';
export const FORMATS: readonly InputFormat[] = ['flat', 'ndjson', 'csv'];

export function inputFile(folder: string, format: InputFormat, count: number, seed: number): string {
  const file = path.join(folder, `${format}-${count}-seed${seed}.${format === 'csv' ? 'csv' : format === 'ndjson' ? 'ndjson' : 'json'}`);
  if (existsSync(file)) return file;
  console.log(`generating ${count} records (seed ${seed}) as ${format} → ${file}`);
  if (format === 'flat') writeFlatRecords(file, { count, seed });
  else writeLines(file, format === 'csv' ? csvLines(count, seed) : ndjsonLines(count, seed));
  return file;
}

function* ndjsonLines(count: number, seed: number): Generator<string> {
  for (const r of flatRecords({ count, seed })) {
    const annotations: { key: string; value: unknown }[] = [
      { key: 'path', value: 'guest/bench' },
      { key: 'kind', value: r.kind },
      { key: 'limits', value: { concurrency: 1, logs: 10, memory: r.memory, timeout: 60000 } },
    ];
    if (r.waitTime !== undefined) annotations.push({ key: 'waitTime', value: r.waitTime });
    if (r.initTime !== undefined) annotations.push({ key: 'initTime', value: r.initTime });
    const ok = r.status === 'success';
    // OpenWhisk reports a timed-out action as a developer error and marks it `timeout: true`.
    if (r.status === 'timeout') annotations.push({ key: 'timeout', value: true });
    const status = r.status === 'timeout' ? 'action developer error' : String(r.status);
    yield JSON.stringify({
      activationId: r.activationId, name: 'bench', namespace: 'guest', start: 1764547200000 + Number(r.run), end: 1764547200000 + Number(r.run) + Number(r.duration),
      duration: r.duration, annotations,
      response: { status, statusCode: STATUS_CODES.indexOf(status), success: ok, result: ok ? { label: r.label, confidence: r.confidence } : { error: status } },
    });
  }
}

function* csvLines(count: number, seed: number): Generator<string> {
  yield 'runtime,kind,memory_mb,concurrency,activation_id,wait_ms,init_ms,duration_ms,status,label,confidence';
  for (const r of flatRecords({ count, seed })) {
    const cell = (value: unknown) => (value === undefined ? '' : String(value));
    yield [r.kind, r.kind, r.memory, r.concurrency, r.activationId, cell(r.waitTime), cell(r.initTime), r.duration, r.status, r.label, r.confidence].join(',');
  }
}

function writeLines(file: string, lines: Iterable<string>): void {
  const temp = `${file}.tmp-${process.pid}`;
  const fd = openSync(temp, 'w');
  try {
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
