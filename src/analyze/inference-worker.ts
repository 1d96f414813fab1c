// The worker of inference-thread.ts: the inference of a copy of the store, posted back. It always
// raises the flag its parent waits on; on any error it says it failed, and the parent computes.
import { workerData } from 'node:worker_threads';
import { ActivationStore } from '../table/store.js';
import { answerSync, type SyncChannel } from '../table/threads.js';
import { inferAtUnit } from './inference.js';
import { comparedRows, severalOf, type InferenceAnswer, type InferenceTask } from './inference-thread.js';

const data = workerData as { task: InferenceTask } & SyncChannel;
let answer: InferenceAnswer = { ok: false };
try {
  const store = ActivationStore.fromParts(data.task.parts);
  answer = { ok: true, inference: inferAtUnit(comparedRows(store, severalOf(store)), data.task.baseline) };
} catch {
  // The parent computes it again, and reports the error there.
} finally {
  answerSync(data, answer);
}
