// A worker module for threads.test.ts: answers with what it was given, doubled.
import { workerData } from 'node:worker_threads';
import { answerSync, type SyncChannel } from '../../../src/table/threads.js';

const data = workerData as { values: Float64Array } & SyncChannel;
answerSync(data, { doubled: Array.from(data.values, (v) => v * 2), shared: data.values.buffer instanceof SharedArrayBuffer });
