// The worker thread of one wasm:0.1 container. `init` takes the module the server compiled (a
// WebAssembly.Module keeps its machine code through postMessage); each `run`
// instantiates it afresh (as the research runtime did, so no state leaks between activations) and
// starts it as a WASI command: params JSON on stdin, __OW_* context in the environment, stdout and
// stderr captured in memory (never the server's own fds). Self-contained: transpiled alone from src.
import { openSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

export type WorkerRequest =
  | { type: 'init'; module: WasmModule; name: string }
  | { type: 'run'; stdin: string; env: Record<string, string> };

export interface CapturedLine {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'init' }
  | { type: 'run'; instance: number; exitCode: number | undefined; trap: string | undefined; lines: CapturedLine[] };

// The project's TypeScript lib has no DOM/WebAssembly typings: the few parts used here, locally.
interface WasmMemory { readonly buffer: ArrayBuffer }
interface WasmInstance { readonly exports: Record<string, unknown> }
type WasmModule = object;
interface WasmApi {
  instantiate(module: WasmModule, imports: object): Promise<WasmInstance>;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type WasiImports = Record<string, (...args: number[]) => number>;
interface WasiLike {
  getImportObject(): { wasi_snapshot_preview1: WasiImports };
  start(instance: WasmInstance): number;
}
type WasiClass = new (options: Record<string, unknown>) => WasiLike;

const port = parentPort;
if (!port) throw new Error('wasm worker must run in a worker thread');

// node:wasi warns once that it is experimental; the warning is not the action's log
process.removeAllListeners('warning');
const { WASI } = (await import('node:wasi')) as unknown as { WASI: WasiClass };
const devNull = openSync('/dev/null', 'r+');
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const ERRNO_SUCCESS = 0;
let module: WasmModule | undefined;
let moduleName = 'action';
let instances = 0;

/** Splits captured bytes into timestamped lines, per stream. */
class Capture {
  readonly lines: CapturedLine[] = [];
  private readonly pending = { stdout: '', stderr: '' };
  private bytes = 0;
  private readonly decoder = { stdout: new TextDecoder(), stderr: new TextDecoder() };

  write(stream: 'stdout' | 'stderr', chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > MAX_OUTPUT_BYTES) return;
    const parts = (this.pending[stream] + this.decoder[stream].decode(chunk, { stream: true })).split('\n');
    this.pending[stream] = parts.pop() ?? '';
    const time = Date.now();
    for (const text of parts) this.lines.push({ time, stream, text });
  }

  finish(): CapturedLine[] {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.pending[stream] !== '') this.lines.push({ time: Date.now(), stream, text: this.pending[stream] });
    }
    return this.lines;
  }
}

/** WASI imports whose fds 0, 1, 2 read the params and write into the capture. */
function stdioImports(wasi: WasiLike, stdin: Uint8Array, capture: Capture, memory: () => WasmMemory): WasiImports {
  const base = wasi.getImportObject().wasi_snapshot_preview1;
  let readAt = 0;
  const iovecs = (view: DataView, iovs: number, count: number): Array<[number, number]> =>
    Array.from({ length: count }, (_, i) => [view.getUint32(iovs + i * 8, true), view.getUint32(iovs + i * 8 + 4, true)]);
  return {
    ...base,
    fd_write(fd, iovs, count, written) {
      if (fd !== 1 && fd !== 2) return base.fd_write!(fd, iovs, count, written);
      const buffer = memory().buffer;
      const view = new DataView(buffer);
      let total = 0;
      for (const [ptr, len] of iovecs(view, iovs, count)) {
        capture.write(fd === 1 ? 'stdout' : 'stderr', new Uint8Array(buffer, ptr, len).slice());
        total += len;
      }
      view.setUint32(written, total, true);
      return ERRNO_SUCCESS;
    },
    fd_read(fd, iovs, count, read) {
      if (fd !== 0) return base.fd_read!(fd, iovs, count, read);
      const buffer = memory().buffer;
      const view = new DataView(buffer);
      let total = 0;
      for (const [ptr, len] of iovecs(view, iovs, count)) {
        const piece = stdin.subarray(readAt, readAt + len);
        new Uint8Array(buffer, ptr, piece.length).set(piece);
        readAt += piece.length;
        total += piece.length;
      }
      view.setUint32(read, total, true);
      return ERRNO_SUCCESS;
    },
    fd_close(fd) {
      return fd <= 2 ? ERRNO_SUCCESS : base.fd_close!(fd);
    },
  };
}

async function run(stdinText: string, env: Record<string, string>): Promise<WorkerReply> {
  if (!module) throw new Error('run before init');
  instances += 1;
  const capture = new Capture();
  const wasi = new WASI({ version: 'preview1', args: [moduleName], env, stdin: devNull, stdout: devNull, stderr: devNull, returnOnExit: true });
  let instance: WasmInstance | undefined;
  const memory = (): WasmMemory => instance!.exports.memory as WasmMemory;
  const imports = { ...wasi.getImportObject(), wasi_snapshot_preview1: stdioImports(wasi, new TextEncoder().encode(stdinText), capture, memory) };
  let exitCode: number | undefined;
  let trap: string | undefined;
  try {
    instance = await wasm.instantiate(module, imports);
    exitCode = wasi.start(instance);
  } catch (error) {
    trap = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  return { type: 'run', instance: instances, exitCode, trap, lines: capture.finish() };
}

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'init') {
    moduleName = request.name;
    module = request.module;
    port.postMessage({ type: 'init' } satisfies WorkerReply);
  } else {
    run(request.stdin, request.env).then((reply) => port.postMessage(reply));
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
