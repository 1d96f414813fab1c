// A failing cell as Jupyter's "error" output (ename, evalue, a short traceback), not stderr text.
// tslab 1.0.22 (pinned) catches a cell's exception, prints it with console.error — a stderr stream —
// and replies "error" without ename or evalue. Installed once in the kernel, this catches the
// exception where the cell's code runs, sends the error message on the cell's iopub channel, and
// hands tslab a stand-in that prints as nothing, so the cell still fails with nothing on stderr.
import { createRequire } from 'node:module';
import { inspect } from 'node:util';
import vm from 'node:vm';

interface Message {
  content: unknown;
  header: { msg_type: string };
  createReply(): Message;
  signAndSend(key: string, socket: unknown): void;
}
type DisplayWriter = (data: unknown, update: boolean) => void;
type StreamWriter = (name: string, text: string) => void;
interface Server {
  connInfo: { key: string };
  iopub: unknown;
  handler: { handleExecute(request: unknown, stream: StreamWriter, display: DisplayWriter): Promise<Record<string, unknown>> };
}
interface Jupyter {
  ZmqServer?: { prototype: { handleExecute(this: Server, socket: unknown, message: Message): Promise<void> } };
  lastWriteDisplayData?: DisplayWriter;
}
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** tslab wraps each cell in this call before it runs it with vm.runInThisContext. */
const CELL_SUFFIX = '\n})(__tslab__.exports, __tslab__.require)';
const FRAMES = 4;

/** What the error output says: our own errors (NotebookError, a user's mistake) as their message alone, others with their first frames. */
export function errorContent(error: unknown): ErrorContent {
  if (!(error instanceof Error)) return { ename: 'Error', evalue: String(error), traceback: [`Error: ${String(error)}`] };
  const headline = `${error.name}: ${error.message}`;
  const frames = error.name === 'owbench' ? [] : (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line) && !/node:internal|tslab[\\/]dist|kernel-errors/.test(line));
  return { ename: error.name, evalue: error.message, traceback: [headline, ...frames.slice(0, FRAMES)] };
}

/** The cell's exception, already shown as an error output: tslab's console.error prints it as an empty line, which the stream drops. */
class ShownFailure {
  constructor(readonly content: ErrorContent) {}
  [inspect.custom](): string {
    return '';
  }
}

const cells = new WeakMap<DisplayWriter, { sendError(content: ErrorContent): void; failure?: ErrorContent; swallowNewline: boolean }>();

export function installKernelErrors(): void {
  let jupyter: Jupyter;
  try {
    jupyter = createRequire(import.meta.url)('tslab/dist/jupyter.js') as Jupyter;
  } catch {
    return;
  }
  // Only inside a running tslab kernel (it set the cell's writer), and only once.
  if (!jupyter.lastWriteDisplayData || !jupyter.ZmqServer || (vm.runInThisContext as { owbench?: true }).owbench) return;
  jupyter.ZmqServer.prototype.handleExecute = handleExecute;
  const original = vm.runInThisContext;
  const wrapped = (code: string, options?: vm.RunningCodeOptions | string): unknown => {
    if (typeof code !== 'string' || !code.endsWith(CELL_SUFFIX)) return original(code, options);
    const cell = jupyter.lastWriteDisplayData && cells.get(jupyter.lastWriteDisplayData);
    const fail = (error: unknown): unknown => {
      if (!cell) return error;
      cell.failure = errorContent(error);
      cell.sendError(cell.failure);
      cell.swallowNewline = true;
      return new ShownFailure(cell.failure);
    };
    let result: unknown;
    try {
      result = original(code, options);
    } catch (error) {
      throw fail(error);
    }
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(fail(error))) : result;
  };
  vm.runInThisContext = Object.assign(wrapped, { owbench: true as const }) as typeof vm.runInThisContext;
}

/** tslab's handler for an execute request, with an error channel per cell and ename/evalue in a failing reply. */
async function handleExecute(this: Server, socket: unknown, message: Message): Promise<void> {
  const send = (type: string, content: unknown) => {
    const reply = message.createReply();
    reply.header.msg_type = type;
    reply.content = content;
    reply.signAndSend(this.connInfo.key, this.iopub);
  };
  const display: DisplayWriter = (data, update) => send(update ? 'update_display_data' : 'display_data', data);
  const cell = { sendError: (content: ErrorContent) => send('error', content), failure: undefined as ErrorContent | undefined, swallowNewline: false };
  cells.set(display, cell);
  const stream: StreamWriter = (name, text) => {
    if (name === 'stderr' && cell.swallowNewline && text === '\n') return void (cell.swallowNewline = false);
    send('stream', { name, text });
  };
  const content = await this.handler.handleExecute(message.content, stream, display);
  const reply = message.createReply();
  reply.header.msg_type = 'execute_reply';
  reply.content = content.status === 'error' && cell.failure ? { ...content, ...cell.failure } : content;
  reply.signAndSend(this.connInfo.key, socket);
}
