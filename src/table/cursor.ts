// One row of an ActivationStore read in place: the fields of an Activation, as getters over the
// columns at index `i`. The analysis walks a million rows through one cursor (at(i) moves it), so
// passes written for row objects read the columns with no object made per row. A cursor is the
// row only until it moves: whoever keeps a row takes store.rowAt(i).
import type { Activation, Composition, Status } from '../types.js';
import type { ActivationStore } from './store.js';

/** What passes over rows read: a row object, or a cursor standing on one. */
export type RowView = Readonly<Activation>;

export class RowCursor implements RowView {
  i = 0;
  private readonly memory_mbColumn: Float64Array | null;
  private readonly concurrencyColumn: Float64Array | null;
  private readonly repetitionColumn: Float64Array | null;
  private readonly startColumn: Float64Array | null;
  private readonly endColumn: Float64Array | null;
  private readonly wait_msColumn: Float64Array | null;
  private readonly init_msColumn: Float64Array | null;
  private readonly duration_msColumn: Float64Array | null;
  private readonly exec_msColumn: Float64Array | null;
  private readonly total_msColumn: Float64Array | null;
  private readonly client_msColumn: Float64Array | null;
  private readonly confidenceColumn: Float64Array | null;
  private readonly componentsColumn: Float64Array | null;
  private readonly runtimeCodes: Int32Array | null;
  private readonly runtimeValues: string[];
  private readonly kindCodes: Int32Array | null;
  private readonly kindValues: string[];
  private readonly actionCodes: Int32Array | null;
  private readonly actionValues: string[];
  private readonly functionCodes: Int32Array | null;
  private readonly functionValues: string[];
  private readonly statusCodes: Int32Array | null;
  private readonly statusValues: string[];
  private readonly labelCodes: Int32Array | null;
  private readonly labelValues: string[];
  private readonly compositionCodes: Int32Array | null;
  private readonly compositionValues: string[];
  private readonly caused_byCodes: Int32Array | null;
  private readonly caused_byValues: string[];
  private readonly store: ActivationStore;

  constructor(store: ActivationStore) {
    this.store = store;
    this.memory_mbColumn = store.columnOrNull('memory_mb');
    this.concurrencyColumn = store.columnOrNull('concurrency');
    this.repetitionColumn = store.columnOrNull('repetition');
    this.startColumn = store.columnOrNull('start');
    this.endColumn = store.columnOrNull('end');
    this.wait_msColumn = store.columnOrNull('wait_ms');
    this.init_msColumn = store.columnOrNull('init_ms');
    this.duration_msColumn = store.columnOrNull('duration_ms');
    this.exec_msColumn = store.columnOrNull('exec_ms');
    this.total_msColumn = store.columnOrNull('total_ms');
    this.client_msColumn = store.columnOrNull('client_ms');
    this.confidenceColumn = store.columnOrNull('confidence');
    this.componentsColumn = store.columnOrNull('components');
    this.runtimeCodes = store.labels.runtime.codes;
    this.runtimeValues = store.labels.runtime.values;
    this.kindCodes = store.labels.kind.codes;
    this.kindValues = store.labels.kind.values;
    this.actionCodes = store.labels.action.codes;
    this.actionValues = store.labels.action.values;
    this.functionCodes = store.labels.function.codes;
    this.functionValues = store.labels.function.values;
    this.statusCodes = store.labels.status.codes;
    this.statusValues = store.labels.status.values;
    this.labelCodes = store.labels.label.codes;
    this.labelValues = store.labels.label.values;
    this.compositionCodes = store.labels.composition.codes;
    this.compositionValues = store.labels.composition.values;
    this.caused_byCodes = store.labels.caused_by.codes;
    this.caused_byValues = store.labels.caused_by.values;
  }

  at(i: number): this {
    this.i = i;
    return this;
  }

  get activation_id(): string | null {
    return this.store.ids.at(this.i);
  }

  get cold(): boolean {
    return this.store.cold[this.i] === 1;
  }

  get source(): number {
    return this.store.source[this.i];
  }

  get memory_mb(): number | null {
    const column = this.memory_mbColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get concurrency(): number | null {
    const column = this.concurrencyColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get repetition(): number | null {
    const column = this.repetitionColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get start(): number | null {
    const column = this.startColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get end(): number | null {
    const column = this.endColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get wait_ms(): number | null {
    const column = this.wait_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get init_ms(): number | null {
    const column = this.init_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get duration_ms(): number | null {
    const column = this.duration_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get exec_ms(): number | null {
    const column = this.exec_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get total_ms(): number | null {
    const column = this.total_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get client_ms(): number | null {
    const column = this.client_msColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get confidence(): number | null {
    const column = this.confidenceColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get components(): number | null {
    const column = this.componentsColumn;
    if (column === null) return null;
    const value = column[this.i];
    return value === value ? value : null;
  }

  get runtime(): string {
    return this.runtimeValues[this.runtimeCodes![this.i]] as string;
  }

  get kind(): string | null {
    const codes = this.kindCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.kindValues[code]);
  }

  get action(): string | null {
    const codes = this.actionCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.actionValues[code]);
  }

  get function(): string | null {
    const codes = this.functionCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.functionValues[code]);
  }

  get status(): Status {
    return this.statusValues[this.statusCodes![this.i]] as Status;
  }

  get label(): string | null {
    const codes = this.labelCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.labelValues[code]);
  }

  get composition(): Composition | null {
    const codes = this.compositionCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.compositionValues[code]) as Composition | null;
  }

  get caused_by(): string | null {
    const codes = this.caused_byCodes;
    const code = codes === null ? -1 : codes[this.i];
    return (code === -1 ? null : this.caused_byValues[code]);
  }
}
