// Reading inputs: any activation data a user has → one normalized activation table
// (DESIGN.md §2.1–2.2). Synchronous: files are read whole, detected by content, validated and
// normalized; a bad input throws an InputError naming the file and the place.
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { ActivationStore } from '../table/store.js';
import { storedTable } from '../table/table.js';
import type { Activation, AggregateRow, InputFormat, Source, Table } from '../types.js';
import * as msg from './messages.js';
import { parseFile } from './parse.js';
import type { FileContext } from './problem.js';
import { readFlatFast } from './flat-fast.js';
import { readLinesFast } from './lines-fast.js';
import { dropDuplicates } from './duplicates.js';
import { deriveFunctions } from './functions.js';
import { lineColumn } from './json-text.js';

/** Runtime labels head tables and charts: longer than this is not a label. */
export const MAX_LABEL = 200;

export interface InputSpec {
  path: string;
  /** --runtime: the label for a file whose data names none (it wins over labels in the data). */
  runtime?: string;
}

export interface IngestOptions {
  /** Skip bad records with a warning in Table.warnings instead of failing the whole input. */
  skipInvalid?: boolean;
}

export function ingestFiles(inputs: Array<string | InputSpec>, options: IngestOptions = {}): Table {
  const table = emptyTable();
  for (const input of inputs) {
    const spec = typeof input === 'string' ? { path: input } : input;
    addFile(table, spec, options);
  }
  return settled(table);
}

/** The same as ingestFiles for text already in memory (notebooks, tests); `file` names it in messages. */
export function ingestText(text: string, file: string, options: IngestOptions & { runtime?: string } = {}): Table {
  const table = emptyTable();
  addText(table, () => Buffer.from(text, 'utf8'), file, options);
  return settled(table);
}

/** A table while its files are read: the activations as columns (src/table/store.ts). */
interface Building extends Omit<Table, 'activations'> {
  store: ActivationStore | null;
}

/** What needs every input: one row per activation id, and functions from the actions present. */
function settled({ store, ...rest }: Building): Table {
  const activations = store ?? new ActivationStore();
  dropDuplicates(activations, rest);
  deriveFunctions(activations);
  return storedTable(activations, rest);
}

function emptyTable(): Building {
  return { store: null, aggregates: [], sources: [], warnings: [] };
}

function contextFor(table: Building, file: string, options: IngestOptions & { runtime?: string }): FileContext {
  return {
    file,
    source: table.sources.length,
    runtime: options.runtime,
    skipInvalid: options.skipInvalid ?? false,
    warnings: table.warnings,
  };
}

/** Flat records are scanned from the bytes, NDJSON and CSV read in chunks of lines; everything else is read whole. */
function addFile(table: Building, spec: InputSpec, options: IngestOptions): void {
  const ctx = contextFor(table, spec.path, { ...options, runtime: spec.runtime });
  const fast = readFile(spec.path, () => readFlatFast(spec.path, ctx));
  if (fast) {
    addRows(table, { path: spec.path, sha256: fast.sha256, format: 'flat-records', runtimes: [] }, fast.rows, []);
    return;
  }
  const lines = readFile(spec.path, () => readLinesFast(spec.path, ctx));
  if (lines) {
    addRows(table, { path: spec.path, sha256: lines.sha256, format: lines.format, runtimes: [] }, lines.rows, []);
    return;
  }
  addText(table, () => readFile(spec.path, () => readFileSync(spec.path)), spec.path, { ...options, runtime: spec.runtime });
}

function readFile<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(path, null, msg.missingFile());
    if (code === 'EISDIR') throw new InputError(path, null, msg.isDirectory());
    if (code) throw new InputError(path, null, msg.unreadableFile(code));
    throw error;
  }
}

/** `read` gives the bytes: they live only in textOf's frame, not beside their text while it is parsed (0.47 GB for 1M NDJSON records). */
function addText(table: Building, read: () => Buffer, file: string, options: IngestOptions & { runtime?: string }): void {
  const { sha256, text } = textOf(read(), file);
  const ctx = contextFor(table, file, options);
  const activations: Activation[] = [];
  const aggregates: AggregateRow[] = [];
  const format: InputFormat = parseFile(text, ctx, activations, aggregates);
  addRows(table, { path: file, sha256, format, runtimes: [] }, ActivationStore.fromRows(activations), aggregates);
}

function addRows(table: Building, source: Source, activations: ActivationStore, aggregates: AggregateRow[]): void {
  source.runtimes = runtimesOf(activations, aggregates);
  const long = source.runtimes.find((name) => name.length > MAX_LABEL);
  if (long !== undefined) throw new InputError(source.path, placeOfRuntime(long, activations, aggregates), msg.tooLongLabel(MAX_LABEL, long.length));
  table.sources.push(source);
  // The first file's columns become the table's own: no copy of a million rows.
  if (table.store === null) table.store = activations;
  else table.store.append(activations);
  for (const row of aggregates) table.aggregates.push(row);
}

/** The first row that carries `runtime`, as "record N" (rows keep no line of their own). */
function placeOfRuntime(runtime: string, activations: ActivationStore, aggregates: AggregateRow[]): string {
  const code = activations.labels.runtime.find(runtime);
  const at = code === -1 ? -1 : activations.codes('runtime').indexOf(code);
  return at !== -1 && at < activations.length ? `record ${at + 1}` : `aggregate row ${aggregates.findIndex((row) => row.runtime === runtime) + 1}`;
}

function textOf(bytes: Buffer, file: string): { sha256: string; text: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = stripBom(decode(bytes, file));
  const nul = text.indexOf('\0');
  if (nul !== -1) throw new InputError(file, lineColumn(text, nul), msg.nulByte());
  return { sha256, text };
}

/** V8 strings stop at 2^29 characters: say so instead of failing with a stack. Text must be UTF-8. */
function decode(bytes: Buffer, file: string): string {
  if (!isUtf8(bytes)) throw new InputError(file, placeOfBadUtf8(bytes), msg.invalidUtf8());
  try {
    return bytes.toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') {
      throw new InputError(file, null, msg.tooLargeForText(Math.round(bytes.length / 2 ** 20)));
    }
    throw error;
  }
}

/** "line L, byte B" of the first byte that breaks UTF-8 (found only once the file is known to be bad). */
function placeOfBadUtf8(bytes: Buffer): string {
  let good = 0;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i];
    const length = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) break;
    good = i += length;
  }
  const before = bytes.subarray(0, good);
  let line = 1;
  for (let at = before.indexOf(0x0a); at !== -1; at = before.indexOf(0x0a, at + 1)) line++;
  return `line ${line}, byte ${good - (before.lastIndexOf(0x0a) + 1) + 1}`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Runtime labels of the rows that are not compositions, then of the aggregates, in order of first appearance. */
function runtimesOf(activations: ActivationStore, aggregates: AggregateRow[]): string[] {
  const seen = new Set<string>();
  const runtime = activations.codes('runtime');
  const composition = activations.codes('composition');
  const values = activations.labels.runtime.values;
  const first = new Uint8Array(values.length);
  for (let i = 0; i < activations.length; i++) {
    if (composition[i] !== -1 || first[runtime[i]] === 1) continue;
    first[runtime[i]] = 1;
    seen.add(values[runtime[i]]);
  }
  for (const row of aggregates) seen.add(row.runtime);
  return [...seen];
}
