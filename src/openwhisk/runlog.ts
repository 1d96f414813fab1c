// The run log (DESIGN.md §2.4): append-only NDJSON. Every append is one write() followed by
// fsync, so a line is on disk before the driver goes on, and a killed driver leaves at worst one
// torn last line, which the reader recognizes and a resumed run cuts off before appending.
import { mkdir, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, unreadable } from '../errors.js';
import type { ExperimentSpec } from './experiment.js';
import type { DeploymentInfo } from './deployment.js';
import type { MachineInfo } from './machine.js';

export type Outcome = 'ok' | 'error' | 'throttled' | 'timeout' | 'lost';

export interface RunTarget {
  apihost: string;
  namespace: string;
  embedded: boolean;
  /** The embedded server only: how it isolates each kind's actions (process, thread). */
  isolation?: Record<string, string>;
}

export interface RunHeader {
  type: 'run';
  version: 1;
  id: string;
  experiment: ExperimentSpec;
  /** The experiment file as given; relative paths in the spec are relative to its folder. */
  experiment_file: string;
  target: RunTarget;
  /** The machine the driver ran on (absent in logs written before issue 11). */
  machine?: MachineInfo;
  tool: Record<string, string>;
  /** What GET /api/v1 answered (null when the server did not say). */
  server: unknown;
  /** Invokers and limits as GET /invokers and GET / answered (absent in logs before issue 11). */
  deployment?: DeploymentInfo;
  /** sha256 of each runtime's deployed artifact, so a resume can refuse changed code. */
  artifacts: Record<string, string>;
  started: string;
}

export interface TrialLine {
  type: 'trial';
  trial: string;
  runtime: string;
  concurrency: number;
  repetition: number;
  index: number;
  /** Epoch ms the call was sent (open loop: measured to a fraction of a millisecond). */
  sent_at: number;
  /** Open loop: epoch ms the arrival schedule planned the call for; sent_at − planned_at is the schedule error. */
  planned_at?: number;
  client_ms: number | null;
  http_status: number | null;
  activation_id: string | null;
  outcome: Outcome;
  action: string;
  /** The experiment forced a cold start for this trial: a record without initTime is impure. */
  planned_cold: boolean;
  /** Throttled (429) attempts that were retried, and the time spent backing off. */
  retries: number;
  backoff_ms: number;
  /** How the answer was obtained when it was not the invoke's own reply (202 poll, lookup). */
  via?: 'poll' | 'lookup' | 'resume-lookup';
}

export interface ActivationLine {
  type: 'activation';
  activation_id: string;
  record: Record<string, unknown>;
}

export type RunLogLine = RunHeader | TrialLine | ActivationLine;

export class RunLogWriter {
  /** Appends run one after another, so lines from concurrent trials never interleave. */
  private queue: Promise<void> = Promise.resolve();
  /** Lines this writer has appended (the header counts): a log of the header alone is a run that never started. */
  appended = 0;

  private constructor(private readonly handle: FileHandle, readonly file: string) {}

  /** Creates a new log (never overwrites one) holding the header. */
  static async create(file: string, header: RunHeader): Promise<RunLogWriter> {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const handle = await open(file, 'wx');
    const writer = new RunLogWriter(handle, file);
    await writer.append([header]);
    await syncFolder(path.dirname(path.resolve(file)));
    return writer;
  }

  /** Reopens a log for a resumed run, dropping a torn last line first. */
  static async reopen(file: string, validBytes: number, needsNewline: boolean): Promise<RunLogWriter> {
    const handle = await open(file, 'r+');
    await handle.truncate(validBytes);
    await handle.close();
    const writer = new RunLogWriter(await open(file, 'a'), file);
    if (needsNewline) await writer.appendText('\n');
    return writer;
  }

  /** Appends lines in one write and waits until they are on disk. */
  async append(lines: readonly RunLogLine[]): Promise<void> {
    this.appended += lines.length;
    if (lines.length) await this.appendText(lines.map((line) => JSON.stringify(line) + '\n').join(''));
  }

  /** Removes the log this writer created (only for a run that never got past its header). */
  async discard(): Promise<void> {
    await this.queue;
    await rm(this.file, { force: true });
  }

  private appendText(text: string): Promise<void> {
    const next = this.queue.then(async () => {
      await this.handle.write(text);
      await this.handle.sync();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

export interface RunLogState {
  header: RunHeader;
  trials: Map<string, TrialLine>;
  activations: Map<string, Record<string, unknown>>;
  /** Bytes up to the end of the last whole line. */
  validBytes: number;
  /** The last line is whole but its newline was not written. */
  needsNewline: boolean;
  /** A torn last line was found (and will be dropped on resume). */
  torn: boolean;
}

/** Replays a run log. Problems name the file and the line. */
export async function readRunLog(file: string): Promise<RunLogState> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(file, null, unreadable(error, 'the run log'));
  }
  return parseRunLog(file, bytes);
}

export function readRunLogSync(file: string): RunLogState {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(file, null, unreadable(error, 'the run log'));
  }
  return parseRunLog(file, bytes);
}

function parseRunLog(file: string, bytes: Buffer): RunLogState {
  const text = bytes.toString('utf8');
  const lastNewline = text.lastIndexOf('\n');
  const whole = text.slice(0, lastNewline + 1);
  const tail = text.slice(lastNewline + 1);
  const lines = whole.split('\n').slice(0, -1);
  let needsNewline = false;
  let torn = false;
  if (tail.trim()) {
    if (parses(tail)) {
      lines.push(tail);
      needsNewline = true;
    } else {
      torn = true;
    }
  }
  const state: Omit<RunLogState, 'header'> & { header?: RunHeader } = {
    trials: new Map(),
    activations: new Map(),
    validBytes: Buffer.byteLength(whole) + (needsNewline ? Buffer.byteLength(tail) : 0),
    needsNewline,
    torn,
  };
  lines.forEach((line, offset) => absorb(file, offset + 1, line, state));
  if (!state.header) throw new InputError(file, null, 'empty run log: expected a {"type":"run"} header line');
  return state as RunLogState;
}

function absorb(file: string, lineNumber: number, line: string, state: Omit<RunLogState, 'header'> & { header?: RunHeader }): void {
  const place = `line ${lineNumber}`;
  if (!line.trim()) return;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError(file, place, 'not a JSON object');
  }
  const entry = value as Partial<RunLogLine> & Record<string, unknown>;
  if (lineNumber === 1) {
    if (entry.type !== 'run' || entry.version !== 1) throw new InputError(file, place, 'expected the run header {"type":"run","version":1,...}');
    state.header = entry as RunHeader;
    return;
  }
  if (entry.type === 'trial') {
    if (typeof entry.trial !== 'string') throw new InputError(file, place, 'a trial line needs "trial"');
    // A resumed run may send a lost trial again (see resume.ts): its later line supersedes the lost one.
    if (state.trials.get(entry.trial)?.outcome !== undefined && state.trials.get(entry.trial)!.outcome !== 'lost') {
      throw new InputError(file, place, `trial ${entry.trial} is recorded twice`);
    }
    state.trials.set(entry.trial, entry as TrialLine);
  } else if (entry.type === 'activation') {
    if (typeof entry.activation_id !== 'string') throw new InputError(file, place, 'an activation line needs "activation_id"');
    if (state.activations.has(entry.activation_id)) throw new InputError(file, place, `activation ${entry.activation_id} is recorded twice`);
    state.activations.set(entry.activation_id, entry.record as Record<string, unknown>);
  } else {
    throw new InputError(file, place, `unknown line type ${JSON.stringify(entry.type)} (expected run, trial, activation)`);
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the file's own fsync still holds.
  } finally {
    await handle.close();
  }
}
