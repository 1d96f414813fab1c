// The CSV fast path's line reader (issue 16): a chunk of quote-free lines split at its commas and
// each line's cells written straight into the store's columns, with no cells array and no row
// object (those were 60% of reading 1M CSV rows). Each value is the one csvLine() makes of the
// same cell: the same Number(), checks and derivations. A line this reader is not sure of (a
// mapped cell with a space or a non-ASCII character at an end, a wrong cell count, an empty line,
// a value that fails a check) is handed to csvLine() itself, which makes its row or throws.
import { NUMBER_FIELDS, STRING_FIELDS, type ActivationStore, type NumberField, type StringField } from '../table/store.js';
import { booleanOf, csvLine, derivedAgrees, type CsvLayout } from './csv.js';
import type { CsvField } from './csv-header.js';
import { csvRecords } from './csv-text.js';
import { requireComposition, requireStatus } from './fields.js';
import type { FileContext } from './problem.js';

/** What a column's cell becomes. */
const enum Op { Skip, Text, Number, Time, Concurrency, Status, Composition, Id, Exec, Total, Cold }

const TIME_FIELDS: ReadonlySet<CsvField> = new Set(['wait_ms', 'init_ms', 'duration_ms', 'client_ms']);
const RUNTIME = STRING_FIELDS.indexOf('runtime');
const KIND = STRING_FIELDS.indexOf('kind');
const STATUS = STRING_FIELDS.indexOf('status');
const COMPOSITION = STRING_FIELDS.indexOf('composition');
const slotOf = (field: NumberField) => NUMBER_FIELDS.indexOf(field);
const WAIT = slotOf('wait_ms');
const INIT = slotOf('init_ms');
const DURATION = slotOf('duration_ms');
const EXEC = slotOf('exec_ms');
const TOTAL = slotOf('total_ms');

/** A digit string this long or shorter is an integer below 2^53: summed digit by digit, exactly. */
const EXACT_DIGITS = 15;

export class CsvColumns {
  private readonly ops: Op[] = [];
  /** Per column: its slot in NUMBER_FIELDS or STRING_FIELDS. */
  private readonly slots: number[] = [];
  /** Per column: the last text its cell held, so a repeated label is compared, not sliced again. */
  private readonly lastText: Array<string | null> = [];
  private readonly numbers = new Float64Array(NUMBER_FIELDS.length);
  private readonly labels: Array<string | null> = STRING_FIELDS.map(() => null);
  private readonly statusOf = new Map<string, string>();

  constructor(private readonly layout: CsvLayout, private readonly ctx: FileContext, private readonly store: ActivationStore) {
    for (let c = 0; c < layout.width; c++) {
      this.ops.push(Op.Skip);
      this.slots.push(-1);
      this.lastText.push(null);
    }
    for (const [field, column] of Object.entries(layout.columnOf) as Array<[CsvField, number]>) {
      this.ops[column] = opOf(field);
      this.slots[column] = field === 'exec_ms' || field === 'total_ms' || field === 'cold' || field === 'activation_id' ? -1
        : (STRING_FIELDS as readonly string[]).includes(field) ? STRING_FIELDS.indexOf(field as StringField)
          : NUMBER_FIELDS.indexOf(field as NumberField);
    }
  }

  /** Every line of `text` from `from` (whole lines, no quotes) into the store; throws what csvLine() throws. */
  read(text: string, from: number): void {
    const n = text.length;
    for (let pos = from; pos < n;) {
      const newline = text.indexOf('\n', pos);
      const stop = newline === -1 ? n : newline;
      // As csvRecords: a \r before the \n is not in the line (at the text's end, with no \n, it is).
      const end = newline !== -1 && stop > pos && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
      if (!this.line(text, pos, end)) this.slow(text.slice(pos, stop + 1));
      pos = stop + 1;
    }
  }

  /** One line (with its newline) the general way: its row, none for a blank line, or its RecordProblem thrown. */
  private slow(line: string): void {
    for (const { cells } of csvRecords(line, '')) this.store.push(csvLine(cells, this.layout, this.ctx));
  }

  /** The line's row into the store, or false (nothing written) to have csvLine() read it. */
  private line(text: string, from: number, end: number): boolean {
    if (from === end) return false;
    const { ops, slots, numbers, labels, lastText } = this;
    numbers.fill(NaN);
    labels.fill(null);
    // The id cell's place in the text (−1: none), copied into the store only once the row holds.
    let idFrom = -1;
    let idTo = -1;
    let cold: string | null = null;
    let p = from;
    const width = ops.length;
    for (let c = 0; c < width; c++) {
      let q: number;
      if (c === width - 1) {
        q = end;
        const extra = text.indexOf(',', p);
        if (extra !== -1 && extra < end) return false;
      } else {
        q = text.indexOf(',', p);
        if (q === -1 || q > end) return false;
      }
      const op = ops[c];
      if (op !== Op.Skip && q > p) {
        // Trimming is csvLine's: a cell with anything trim() could take off goes there.
        const first = text.charCodeAt(p);
        const last = text.charCodeAt(q - 1);
        if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return false;
        if (op === Op.Text || op === Op.Status || op === Op.Composition || op === Op.Cold) {
          let value = lastText[c];
          if (value === null || value.length !== q - p || !text.startsWith(value, p)) lastText[c] = value = text.slice(p, q);
          if (op === Op.Cold) cold = value;
          else labels[slots[c]] = value;
        } else if (op === Op.Id) {
          idFrom = p;
          idTo = q;
        } else {
          const value = numberIn(text, p, q);
          if (!Number.isFinite(value)) return false;
          if (op === Op.Time && value < 0) return false;
          if (op === Op.Concurrency && (!Number.isInteger(value) || value < 1)) return false;
          if (op === Op.Exec) numbers[EXEC] = value;
          else if (op === Op.Total) numbers[TOTAL] = value;
          else numbers[slots[c]] = value;
        }
      }
      p = q + 1;
    }
    return this.commit(numbers, labels, cold, text, idFrom, idTo);
  }

  /** csvRow's checks and makeRow's derivations on the scratch, then the row into the store. */
  private commit(numbers: Float64Array, labels: Array<string | null>, cold: string | null, text: string, idFrom: number, idTo: number): boolean {
    const runtime = this.ctx.runtime ?? labels[RUNTIME] ?? labels[KIND];
    if (runtime === null || runtime === undefined) return false;
    labels[RUNTIME] = runtime;
    const status = labels[STATUS];
    if (status === null) labels[STATUS] = 'success';
    else {
      let spelled = this.statusOf.get(status);
      if (spelled === undefined) this.statusOf.set(status, (spelled = requireStatus(status, 'status')));
      labels[STATUS] = spelled;
    }
    const composition = labels[COMPOSITION];
    if (composition !== null) requireComposition(composition, 'composition');
    const init = numbers[INIT];
    const duration = numbers[DURATION];
    const wait = numbers[WAIT];
    if (init > duration) return false; // false when either is NaN (null), as checkInit
    const givenExec = numbers[EXEC];
    const givenTotal = numbers[TOTAL];
    // exec = duration − init, total = wait + duration (row.ts): NaN wherever makeRow gives null.
    const exec = duration - (init === init ? init : 0);
    const total = wait + duration;
    if (!agrees(givenExec, exec) || !agrees(givenTotal, total)) return false;
    numbers[EXEC] = exec;
    numbers[TOTAL] = total;
    const isCold = init === init;
    if (cold !== null && booleanOf(cold, 'cold') !== isCold) return false;
    this.store.pushValuesWithIdText(numbers, labels, isCold, this.ctx.source, text, idFrom, idTo);
    return true;
  }
}

function opOf(field: CsvField): Op {
  switch (field) {
    case 'activation_id': return Op.Id;
    case 'status': return Op.Status;
    case 'composition': return Op.Composition;
    case 'concurrency': return Op.Concurrency;
    case 'exec_ms': return Op.Exec;
    case 'total_ms': return Op.Total;
    case 'cold': return Op.Cold;
    default:
      if ((STRING_FIELDS as readonly string[]).includes(field)) return Op.Text;
      return TIME_FIELDS.has(field) ? Op.Time : Op.Number;
  }
}

/** The cell's Number(): short digit strings summed here (exact), anything else by Number() itself. */
function numberIn(text: string, p: number, q: number): number {
  if (q - p <= EXACT_DIGITS) {
    let value = 0;
    let i = p;
    for (; i < q; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === q) return value;
  }
  return Number(text.slice(p, q));
}

/** csvLine's check of a given exec or total (NaN: either absent, nothing to check). */
function agrees(given: number, derived: number): boolean {
  return given !== given || derived !== derived || derivedAgrees(given, derived);
}
