// A render worker (see render-pool.ts): imports vega as soon as it starts, then answers
// { id, spec } with { id, chart } or { id, error }, one chart at a time.
import { parentPort } from 'node:worker_threads';
import { loadEngines, renderSvgHere } from './vega-svg.js';
import { WARM_UP_SPEC } from './warm-up.js';

export type RenderRequest = { id: number; spec: Record<string, unknown> };
export type RenderReply = { id: number; chart: { svg: string; warnings: string[] } } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (render-pool.ts starts it)');
// Loading and a warm-up chart (warm-up.ts) before the first spec arrives: the main thread is
// still analyzing meanwhile. A spec that arrives sooner waits for the warm-up, which it needs anyway.
setImmediate(() => {
  try {
    loadEngines();
  } catch {
    return; // The first render reports it.
  }
  renderSvgHere(WARM_UP_SPEC).catch(() => undefined);
});
port.on('message', ({ id, spec }: RenderRequest) => {
  renderSvgHere(spec).then(
    (chart) => port.postMessage({ id, chart } satisfies RenderReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
