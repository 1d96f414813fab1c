// Render workers: each loads vega once, on start, and renders the specs it is given. Started
// early (startRenderer), they load vega while the main thread still ingests and analyzes, and
// render one document's figures while the next is composed. Every chart restarts vega's id
// counters, so which thread renders it, and after what, never changes its bytes.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-worker.js';
import type { RenderedChart } from './vega-svg.js';

interface Pending {
  resolve: (chart: RenderedChart) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Built, the worker is the .js beside this file; from the sources (tsx, as the tests run), the .ts one. */
function newWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url));
  // tsx registers its loader in the main thread only: the worker registers it itself first.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./render-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, { eval: true });
}

let slots: Slot[] = [];
let nextId = 0;

/**
 * One worker where there is a second core: it loads vega and renders while this thread ingests,
 * analyzes and composes. A second worker renders faster only on an idle machine, and costs a
 * second load of vega and a second JIT warm-up. OWBENCH_RENDER_WORKERS overrides (0: render here).
 */
function poolSize(): number {
  const override = process.env.OWBENCH_RENDER_WORKERS;
  if (override !== undefined && /^\d+$/.test(override)) return Number(override);
  return availableParallelism() >= 2 ? 1 : 0;
}

/** Starts the workers (idempotent): call it before the work that the loading of vega can overlap. */
export function startRenderer(): void {
  if (slots.length > 0) return;
  slots = Array.from({ length: poolSize() }, () => startSlot());
}

function startSlot(): Slot {
  const slot: Slot = { worker: newWorker(), pending: new Map() };
  slot.worker.on('message', (reply: RenderReply) => {
    const job = slot.pending.get(reply.id);
    if (!job) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.chart);
  });
  const fail = (error: Error) => {
    slots = slots.filter((s) => s !== slot);
    for (const job of slot.pending.values()) job.reject(error);
    slot.pending.clear();
  };
  slot.worker.on('error', fail);
  slot.worker.on('exit', (code) => fail(new Error(`chart render worker exited (code ${code})`)));
  // An idle worker must not keep the process alive; one with work does (see renderInPool). After
  // the listeners: adding a 'message' listener refs the worker's port again.
  slot.worker.unref();
  return slot;
}

/** Renders one spec on the least busy worker (assigned when sent, so a busy main thread never leaves a worker idle); null without workers. */
export function renderInPool(spec: Record<string, unknown>): Promise<RenderedChart> | null {
  if (slots.length === 0) return null;
  const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
  const id = nextId++;
  return new Promise<RenderedChart>((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, spec } satisfies RenderRequest);
  });
}
