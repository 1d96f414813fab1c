// The worker of lines-parallel.ts: parses the second half of a large NDJSON or CSV file into
// columns and posts them back, or says it gave up. It always raises the flag its parent waits on.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { type MessagePort, workerData } from 'node:worker_threads';
import { ActivationStore } from '../table/store.js';
import { readLineRange } from './line-chunks.js';
import { linesInto, type LinesState } from './lines-fast.js';
import { answerHalf, type HalfAnswer } from './half-worker.js';
import type { HalfTask } from './lines-parallel.js';
import type { FileContext } from './problem.js';

const data = workerData as { task: HalfTask; flag: Int32Array; port: MessagePort };
const { task } = data;
let answer: HalfAnswer = { ok: false };
try {
  const rows = new ActivationStore();
  const strict: FileContext = { file: task.path, source: task.source, runtime: task.runtime, skipInvalid: false, warnings: [] };
  const state: LinesState = { format: task.format, header: task.header };
  const fd = openSync(task.path, 'r');
  try {
    const ok = readLineRange(fd, task.from, Infinity, linesInto(rows, strict, state, fstatSync(fd).size - task.from), task.chunkSize, null);
    // A warning is the parent's to give, with its place: it reads this half itself then.
    if (ok && strict.warnings.length === 0) answer = { ok: true, parts: rows.toParts() };
  } finally {
    closeSync(fd);
  }
} catch {
  answer = { ok: false };
}
answerHalf(data, answer, answer.ok ? ActivationStore.transferList(answer.parts) : []);
