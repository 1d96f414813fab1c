// The activation table held as columns (issue 16): typed arrays for numbers, dictionary codes for
// labels. A million row objects cost ~300 MB of heap that every major collection walks (four of
// ~130 ms in one `analyze` of 1M records); these columns cost ~100 MB outside the heap, and the
// analysis reads them directly. Row objects are made only for whoever asks for them (rowAt, rows).
import type { Activation, Composition, Status } from '../types.js';
import { IdColumn, type IdParts } from './ids.js';
import { float64s, int32s, transferable, uint8s } from './shared.js';

export const NUMBER_FIELDS = [
  'memory_mb', 'concurrency', 'repetition', 'start', 'end', 'wait_ms', 'init_ms', 'duration_ms',
  'exec_ms', 'total_ms', 'client_ms', 'confidence', 'components',
] as const;
export const STRING_FIELDS = ['runtime', 'kind', 'action', 'function', 'status', 'label', 'composition', 'caused_by'] as const;

export type NumberField = (typeof NUMBER_FIELDS)[number];
export type StringField = (typeof STRING_FIELDS)[number];

/** When readers estimate their input's rows (reserveFor), and the estimate's margin. */
export const ESTIMATE_FROM_ROWS = 4096;
export const ESTIMATE_MIN_BYTES = 8 << 20;
const ESTIMATE_MARGIN = 1.02;

/** Rows filled with null at a time (ActivationStore.fillTo). */
const FILL_STEP = 1 << 16;

/** No value: numbers are finite in every row ingest makes (fields.ts), so NaN stands for null. */
const NONE_CODE = -1;

/**
 * A string column: codes into `values` (NONE_CODE for null). A column nobody has set is not
 * allocated: most inputs leave action, caused_by, composition and the like null throughout.
 */
export class Labels {
  codes: Int32Array | null = null;
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  // Most rows repeat the previous row's label: one comparison instead of a Map lookup.
  private last: string | null = null;
  private lastCode = NONE_CODE;

  codeOf(value: string): number {
    if (value === this.last) return this.lastCode;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.last = value;
    this.lastCode = code;
    return code;
  }

  /** The code of `value` if any row has it, else NONE_CODE (no entry is made). */
  find(value: string): number {
    return this.index.get(value) ?? NONE_CODE;
  }

  at(i: number): string | null {
    const code = this.codes === null ? NONE_CODE : this.codes[i];
    return code === NONE_CODE ? null : this.values[code];
  }
}

export class ActivationStore {
  length = 0;
  private capacity: number;
  /**
   * Rows [0, filled) of every column hold null (NaN, NONE_CODE) wherever no value was written;
   * rows past it are not yet touched (length ≤ filled ≤ capacity). Filled FILL_STEP rows at a
   * time as rows come, so that room reserved or doubled but not used stays untouched memory,
   * which the system does not hand out (issue 16).
   */
  private filled = 0;
  /** Number columns by position in NUMBER_FIELDS (undefined: no row set it), labels by position in STRING_FIELDS. */
  private readonly numberList: Array<Float64Array | undefined> = NUMBER_FIELDS.map(() => undefined);
  private readonly labelList: Labels[];
  readonly labels: Record<StringField, Labels>;
  cold: Uint8Array;
  source: Int32Array;
  ids: IdColumn;

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, capacity);
    this.cold = uint8s(this.capacity);
    this.source = int32s(this.capacity);
    this.ids = new IdColumn(this.capacity);
    this.labelList = STRING_FIELDS.map(() => new Labels());
    this.labels = Object.fromEntries(STRING_FIELDS.map((f, k) => [f, this.labelList[k]])) as Record<StringField, Labels>;
  }

  static fromRows(rows: readonly Activation[]): ActivationStore {
    const store = new ActivationStore(rows.length);
    for (let i = 0; i < rows.length; i++) store.push(rows[i]);
    return store;
  }

  push(row: Activation): void {
    this.pushFields(row);
    this.ids.push(row.activation_id ?? null);
  }

  /** A row whose id is given as UTF-8 bytes instead (the flat reader's): its `activation_id` is not read. */
  pushWithIdBytes(row: Activation, bytes: Uint8Array, start: number, end: number): void {
    this.pushFields(row);
    this.ids.pushBytes(bytes, start, end);
  }

  /** Written out field by field: this runs once per row of the largest inputs. */
  private pushFields(row: Activation): void {
    if (this.length === this.capacity) this.grow();
    if (this.length === this.filled) this.fillTo(this.length + 1);
    const i = this.length++;
    if (row.memory_mb != null) this.numberSlot(0)[i] = row.memory_mb;
    if (row.concurrency != null) this.numberSlot(1)[i] = row.concurrency;
    if (row.repetition != null) this.numberSlot(2)[i] = row.repetition;
    if (row.start != null) this.numberSlot(3)[i] = row.start;
    if (row.end != null) this.numberSlot(4)[i] = row.end;
    if (row.wait_ms != null) this.numberSlot(5)[i] = row.wait_ms;
    if (row.init_ms != null) this.numberSlot(6)[i] = row.init_ms;
    if (row.duration_ms != null) this.numberSlot(7)[i] = row.duration_ms;
    if (row.exec_ms != null) this.numberSlot(8)[i] = row.exec_ms;
    if (row.total_ms != null) this.numberSlot(9)[i] = row.total_ms;
    if (row.client_ms != null) this.numberSlot(10)[i] = row.client_ms;
    if (row.confidence != null) this.numberSlot(11)[i] = row.confidence;
    if (row.components != null) this.numberSlot(12)[i] = row.components;
    if (row.runtime != null) this.codeSlot(0)[i] = this.labelList[0].codeOf(row.runtime);
    if (row.kind != null) this.codeSlot(1)[i] = this.labelList[1].codeOf(row.kind);
    if (row.action != null) this.codeSlot(2)[i] = this.labelList[2].codeOf(row.action);
    if (row.function != null) this.codeSlot(3)[i] = this.labelList[3].codeOf(row.function);
    if (row.status != null) this.codeSlot(4)[i] = this.labelList[4].codeOf(row.status);
    if (row.label != null) this.codeSlot(5)[i] = this.labelList[5].codeOf(row.label);
    if (row.composition != null) this.codeSlot(6)[i] = this.labelList[6].codeOf(row.composition);
    if (row.caused_by != null) this.codeSlot(7)[i] = this.labelList[7].codeOf(row.caused_by);
    this.cold[i] = row.cold ? 1 : 0;
    this.source[i] = row.source;
  }

  /**
   * Appends a row given as a reader's scratch (csv-columns.ts): numbers by position in
   * NUMBER_FIELDS (NaN: null), labels by position in STRING_FIELDS, the id as text[from, to)
   * (IdColumn.pushText; from −1: no id). No row object is made.
   */
  pushValuesWithIdText(numbers: Float64Array, labels: ReadonlyArray<string | null>, cold: boolean, source: number, text: string, from: number, to: number): void {
    this.pushRowValues(numbers, labels, cold, source);
    if (from < 0) this.ids.push(null);
    else this.ids.pushText(text, from, to);
  }

  private pushRowValues(numbers: Float64Array, labels: ReadonlyArray<string | null>, cold: boolean, source: number): void {
    if (this.length === this.capacity) this.grow();
    if (this.length === this.filled) this.fillTo(this.length + 1);
    const i = this.length++;
    for (let k = 0; k < numbers.length; k++) {
      const value = numbers[k];
      if (value === value) this.numberSlot(k)[i] = value;
    }
    for (let k = 0; k < labels.length; k++) {
      const value = labels[k];
      if (value !== null) this.codeSlot(k)[i] = this.labelList[k].codeOf(value);
    }
    this.cold[i] = cold ? 1 : 0;
    this.source[i] = source;
  }

  private numberSlot(k: number): Float64Array {
    return this.numberList[k] ?? this.writableNumbers(NUMBER_FIELDS[k]);
  }

  private codeSlot(k: number): Int32Array {
    return this.labelList[k].codes ?? this.writableCodes(STRING_FIELDS[k]);
  }

  /** A number column, NaN where null (all NaN for a column no row set; allocated then, once). */
  column(field: NumberField): Float64Array {
    return this.writableNumbers(field);
  }

  /** A number column if any row has set it (without allocating one), else null. */
  columnOrNull(field: NumberField): Float64Array | null {
    return this.numberList[NUMBER_FIELDS.indexOf(field)] ?? null;
  }

  /** The codes of a label column, NONE_CODE where null (all of them for a column no row set). */
  codes(field: StringField): Int32Array {
    return this.writableCodes(field);
  }

  number(field: NumberField, i: number): number | null {
    const column = this.numberList[NUMBER_FIELDS.indexOf(field)];
    if (column === undefined) return null;
    const value = column[i];
    return value === value ? value : null; // NaN is null
  }

  /** Row i as ingest made it, in the key order of makeRow (row.ts). */
  rowAt(i: number): Activation {
    const n = (f: NumberField) => this.number(f, i);
    const s = (f: StringField) => this.labels[f].at(i);
    return {
      runtime: s('runtime')!,
      kind: s('kind'),
      action: s('action'),
      memory_mb: n('memory_mb'),
      function: s('function'),
      concurrency: n('concurrency'),
      repetition: n('repetition'),
      activation_id: this.ids.at(i),
      start: n('start'),
      end: n('end'),
      wait_ms: n('wait_ms'),
      init_ms: n('init_ms'),
      duration_ms: n('duration_ms'),
      exec_ms: n('exec_ms'),
      total_ms: n('total_ms'),
      client_ms: n('client_ms'),
      cold: this.cold[i] === 1,
      status: s('status') as Status,
      label: s('label'),
      confidence: n('confidence'),
      composition: s('composition') as Composition | null,
      caused_by: s('caused_by'),
      components: n('components'),
      source: this.source[i],
    };
  }

  rows(): Activation[] {
    const out = new Array<Activation>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.rowAt(i);
    return out;
  }

  /** A new store of the rows at `indices`, in that order. */
  select(indices: Int32Array): ActivationStore {
    const out = new ActivationStore(indices.length);
    out.length = indices.length;
    for (const [field, column] of this.numberColumns()) {
      const target = out.writableNumbers(field);
      for (let j = 0; j < indices.length; j++) target[j] = column[indices[j]];
    }
    for (const field of STRING_FIELDS) {
      const from = this.labels[field];
      if (from.codes === null) continue;
      const target = out.writableCodes(field);
      // Coded again in the new store's own dictionary (labels in order of first appearance there).
      for (let j = 0; j < indices.length; j++) {
        const code = from.codes[indices[j]];
        target[j] = code === NONE_CODE ? NONE_CODE : out.labels[field].codeOf(from.values[code]);
      }
    }
    for (let j = 0; j < indices.length; j++) {
      out.cold[j] = this.cold[indices[j]];
      out.source[j] = this.source[indices[j]];
    }
    out.ids = this.ids.select(indices);
    // Every row of every column it has was written above.
    out.filled = out.length;
    return out;
  }

  /** Keeps the rows whose `keep` is set, in order (dropDuplicates): columns compacted in place. */
  compact(keep: Uint8Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      if (keep[i] === 0) continue;
      if (kept !== i) {
        for (const [, column] of this.numberColumns()) column[kept] = column[i];
        for (const field of STRING_FIELDS) {
          const codes = this.labels[field].codes;
          if (codes !== null) codes[kept] = codes[i];
        }
        this.cold[kept] = this.cold[i];
        this.source[kept] = this.source[i];
      }
      kept++;
    }
    for (const [, column] of this.numberColumns()) column.fill(NaN, kept, this.length);
    for (const field of STRING_FIELDS) this.labels[field].codes?.fill(NONE_CODE, kept, this.length);
    this.cold.fill(0, kept, this.length);
    this.source.fill(0, kept, this.length);
    this.ids.compact(keep);
    this.length = kept;
  }

  /** Sets a label on row i (deriveFunctions fills `function` from the action). */
  setLabel(field: StringField, i: number, value: string): void {
    this.writableCodes(field)[i] = this.labels[field].codeOf(value);
  }

  /** Appends every row of `other` (a later input file, a worker's half): columns copied, label codes translated. */
  append(other: ActivationStore): void {
    const at = this.length;
    while (this.capacity < at + other.length) this.grow();
    // Null in this store's columns that `other` lacks; its own columns are written over it.
    this.fillTo(at + other.length);
    this.length = at + other.length;
    for (const [field, column] of other.numberColumns()) this.writableNumbers(field).set(column.subarray(0, other.length), at);
    for (const field of STRING_FIELDS) {
      const from = other.labels[field];
      if (from.codes === null) continue;
      const codeOf = from.values.map((value) => this.labels[field].codeOf(value));
      const target = this.writableCodes(field);
      for (let j = 0; j < other.length; j++) {
        const code = from.codes[j];
        target[at + j] = code === NONE_CODE ? NONE_CODE : codeOf[code];
      }
    }
    this.cold.set(other.cold.subarray(0, other.length), at);
    this.source.set(other.source.subarray(0, other.length), at);
    this.ids.append(other.ids);
  }

  /** The store as plain data a worker can post: its column memory is shared (shared.ts), never copied. */
  toParts(): StoreParts {
    const labels = STRING_FIELDS.map((f) => ({ field: f, codes: this.labels[f].codes, values: this.labels[f].values }))
      .filter((l) => l.codes !== null) as StoreParts['labels'];
    return { length: this.length, capacity: this.capacity, numbers: this.numberColumns(), labels, cold: this.cold, source: this.source, ids: this.ids.toParts() };
  }

  static fromParts(parts: StoreParts): ActivationStore {
    const store = new ActivationStore(parts.capacity);
    store.length = parts.length;
    store.filled = parts.length;
    for (const [field, column] of parts.numbers) store.setNumbers(field, column);
    for (const { field, codes, values } of parts.labels) {
      const labels = store.labels[field];
      for (const value of values) labels.codeOf(value);
      labels.codes = codes;
    }
    store.cold = parts.cold;
    store.source = parts.source;
    store.ids = IdColumn.fromParts(parts.ids);
    return store;
  }

  /** What toParts posts: the buffers to transfer. */
  static transferList(parts: StoreParts): ArrayBuffer[] {
    return transferable([...parts.numbers.map(([, c]) => c.buffer), ...parts.labels.map((l) => l.codes.buffer), parts.cold.buffer, parts.source.buffer, ...IdColumn.transferList(parts.ids)]);
  }


  private writableNumbers(field: NumberField): Float64Array {
    let column = this.numberList[NUMBER_FIELDS.indexOf(field)];
    if (column === undefined) this.setNumbers(field, (column = float64s(this.capacity).fill(NaN, 0, this.filled)));
    return column;
  }

  private setNumbers(field: NumberField, column: Float64Array): void {
    this.numberList[NUMBER_FIELDS.indexOf(field)] = column;
  }

  /** The number columns some row has set, with their fields. */
  private numberColumns(): Array<[NumberField, Float64Array]> {
    const out: Array<[NumberField, Float64Array]> = [];
    NUMBER_FIELDS.forEach((field, k) => {
      const column = this.numberList[k];
      if (column !== undefined) out.push([field, column]);
    });
    return out;
  }

  private writableCodes(field: StringField): Int32Array {
    const labels = this.labels[field];
    if (labels.codes === null) labels.codes = int32s(this.capacity).fill(NONE_CODE, 0, this.filled);
    return labels.codes;
  }

  /**
   * Room for `rows` rows, and `idBytes` bytes of ids, in all: a reader's estimate of its file's
   * (issue 16). The columns grow once to that instead of doubling up to it, which leaves each
   * half behind until a collection frees it. Past an estimate a column grows by a quarter, not
   * double: the estimate is near, and each growth copies every filled row.
   */
  reserve(rows: number, idBytes: number): void {
    this.reserved = true;
    if (rows > this.capacity) this.grow(rows);
    this.ids.reserve(rows, idBytes);
  }

  /**
   * reserve for a reader (issue 16): room for the rows `bytes` bytes of input hold in all, at the
   * rows and id bytes per byte of the `read` bytes that gave this store its rows so far, with a
   * margin. Readers call it once, after ESTIMATE_FROM_ROWS rows, for inputs of ESTIMATE_MIN_BYTES
   * or more (below, doubling costs little).
   */
  reserveFor(read: number, bytes: number): void {
    const rows = Math.ceil((this.length / read) * bytes * ESTIMATE_MARGIN);
    this.reserve(rows, Math.ceil((this.ids.byteLength / read) * bytes * ESTIMATE_MARGIN));
  }

  /** Whether reserve was called: then growth is by a quarter. */
  private reserved = false;

  /** Every column to `capacity` rows: doubled by default (the fast paths do not know the row count ahead). */
  private grow(capacity = this.reserved ? Math.ceil(this.capacity * 1.25) : this.capacity * 2): void {
    // Only what is filled is copied: the rest of the new room stays untouched until fillTo.
    for (const [field, column] of this.numberColumns()) {
      const next = float64s(capacity);
      next.set(column.subarray(0, this.filled));
      this.setNumbers(field, next);
    }
    for (const field of STRING_FIELDS) {
      const labels = this.labels[field];
      if (labels.codes === null) continue;
      const next = int32s(capacity);
      next.set(labels.codes.subarray(0, this.filled));
      labels.codes = next;
    }
    const cold = uint8s(capacity);
    cold.set(this.cold.subarray(0, this.length));
    this.cold = cold;
    const source = int32s(capacity);
    source.set(this.source.subarray(0, this.length));
    this.source = source;
    this.capacity = capacity;
  }

  /** Fills rows up to `rows` (at least FILL_STEP more, at most the capacity) with null in every column. */
  private fillTo(rows: number): void {
    if (rows <= this.filled) return;
    const to = Math.min(this.capacity, Math.max(rows, this.filled + FILL_STEP));
    for (const [, column] of this.numberColumns()) column.fill(NaN, this.filled, to);
    for (const field of STRING_FIELDS) this.labels[field].codes?.fill(NONE_CODE, this.filled, to);
    this.filled = to;
  }
}

export interface StoreParts {
  length: number;
  capacity: number;
  numbers: Array<[NumberField, Float64Array]>;
  labels: Array<{ field: StringField; codes: Int32Array; values: string[] }>;
  cold: Uint8Array;
  source: Int32Array;
  ids: IdParts;
}

export { NONE_CODE };
