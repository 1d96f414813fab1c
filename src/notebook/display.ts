// Showing rich output in the notebook: a MIME bundle (several representations of one thing) goes
// to the tslab kernel, and each front end shows the richest one it can render. tslab's public
// `display` sends one MIME type per output, so bundles go through the writer it keeps for the
// running cell. Outside a kernel (scripts, tests) bundles go to a sink, or their text to stdout.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

export type Bundle = Record<string, unknown>;
export interface DisplayMessage {
  data: Bundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type Writer = (message: DisplayMessage, update: boolean) => void;

let sink: ((message: DisplayMessage, update: boolean) => void) | null = null;

/** Tests (and other hosts) receive every bundle here instead of a kernel. */
export function setDisplaySink(next: typeof sink): void {
  sink = next;
}

function kernelWriter(): Writer | null {
  try {
    const jupyter = createRequire(import.meta.url)('tslab/dist/jupyter.js') as { lastWriteDisplayData?: Writer };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
}

function send(message: DisplayMessage, update: boolean): void {
  if (sink) return sink(message, update);
  const writer = kernelWriter();
  if (writer) return writer(message, update);
  process.stdout.write(`${String(message.data['text/plain'] ?? '')}\n`);
}

export function show(data: Bundle, metadata: Record<string, unknown> = {}): void {
  send({ data, metadata, transient: {} }, false);
}

/** One output that later calls replace in place (a live progress table). */
export function liveDisplay(): (data: Bundle) => void {
  const id = randomBytes(8).toString('hex');
  let shownOnce = false;
  return (data) => {
    send({ data, metadata: {}, transient: { display_id: id } }, shownOnce);
    shownOnce = true;
  };
}
