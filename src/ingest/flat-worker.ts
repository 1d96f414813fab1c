// The worker of flat-fast.ts's two halves: scans the records from a record start past the middle
// of a large flat-records file into columns and posts them back, or says it gave up.
import { type MessagePort, workerData } from 'node:worker_threads';
import { ActivationStore } from '../table/store.js';
import { scanFlatHalf, type FlatHalfTask } from './flat-fast.js';
import { answerHalf } from './half-worker.js';

const data = workerData as { task: FlatHalfTask; flag: Int32Array; port: MessagePort };
const rows = scanFlatHalf(data.task);
const parts = rows?.toParts();
answerHalf(data, parts ? { ok: true, parts } : { ok: false }, parts ? ActivationStore.transferList(parts) : []);
