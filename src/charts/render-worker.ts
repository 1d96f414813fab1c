// A render worker (see render-pool.ts): imports vega as soon as it starts, then answers
// { id, spec } with { id, chart } or { id, error }, one chart at a time.
import { parentPort } from 'node:worker_threads';
import { loadEngines, renderSvgHere } from './vega-svg.js';

export type RenderRequest = { id: number; spec: Record<string, unknown> };
export type RenderReply = { id: number; chart: { svg: string; warnings: string[] } } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (render-pool.ts starts it)');
// Loading starts before the first spec arrives: the main thread is still analyzing meanwhile.
setImmediate(() => {
  try {
    loadEngines();
  } catch {
    // The first render reports it.
  }
});
port.on('message', ({ id, spec }: RenderRequest) => {
  renderSvgHere(spec).then(
    (chart) => port.postMessage({ id, chart } satisfies RenderReply),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
