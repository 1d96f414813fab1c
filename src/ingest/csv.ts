// Format 6: CSV with the activation table's columns (DESIGN.md §2.1), under any of the names
// csv-header.ts accepts. exec_ms, total_ms and cold are derived when absent and checked against
// their definitions when present.
import type { Activation } from '../types.js';
import * as msg from './messages.js';
import { readHeader, type CsvField } from './csv-header.js';
import { csvRecords, CsvSyntaxError, type Cell } from './csv-text.js';
import { requireComposition, requireConcurrency, requireStatus } from './fields.js';
import { fail, RecordProblem, rejectRecord, type FileContext } from './problem.js';
import { makeRow } from './row.js';

/** Without a duration a row has no figure at all; concurrency and wait may be unrecorded (null). */
const NEEDED: CsvField[] = ['duration_ms'];

export function csvRows(text: string, ctx: FileContext, out: Activation[]): void {
  let layout: CsvLayout | null = null;
  try {
    for (const { line, cells } of csvRecords(text, msg.csvUnclosedQuote())) {
      if (layout === null) {
        layout = csvLayout(cells, ctx);
        continue;
      }
      try {
        out.push(csvLine(cells, layout, ctx));
      } catch (error) {
        rejectRecord(ctx, `line ${line}`, error);
      }
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) fail(ctx, `line ${error.line}`, error.detail);
    throw error;
  }
  if (layout === null) fail(ctx, null, msg.emptyFile());
}

/** What the header says: the column each field is in, and how many cells a line must have. */
export interface CsvLayout {
  columnOf: ColumnOf;
  width: number;
}

/** The header line's cells read (problems with them thrown against line 1; unused columns a warning). */
export function csvLayout(cells: Cell[], ctx: FileContext): CsvLayout {
  if (cells.length === 1 && (cells[0] ?? '').includes(';')) fail(ctx, 'line 1', msg.csvSemicolons());
  const read = readHeader(cells);
  if ('clash' in read) fail(ctx, 'line 1', read.clash);
  const header = read.columns;
  const missing: string[] = NEEDED.filter((name) => !header.has(name));
  if (!ctx.runtime && !header.has('runtime') && !header.has('kind')) missing.unshift('runtime');
  if (missing.length) fail(ctx, 'line 1', msg.csvMissingColumns(missing));
  if (read.unused.length) ctx.warnings.push(`${ctx.file}: line 1: ${msg.csvUnusedColumns(read.unused)}`);
  return { columnOf: Object.fromEntries(header), width: cells.length };
}

/** One line's row; a RecordProblem if its cells are not one. */
export function csvLine(cells: Cell[], layout: CsvLayout, ctx: FileContext): Activation {
  if (cells.length !== layout.width) throw new RecordProblem('', msg.csvFieldCount(layout.width, cells.length));
  return csvRow(cells, layout.columnOf, ctx);
}

/** The header's columns as a plain object: a property read per cell, not a Map lookup (22 a row). */
export type ColumnOf = Partial<Record<CsvField, number>>;

function csvRow(cells: Cell[], columnOf: ColumnOf, ctx: FileContext): Activation {
  const cell = (name: CsvField): Cell => {
    const i = columnOf[name];
    return i === undefined ? null : cells[i];
  };
  const text = (name: CsvField): string | null => {
    const value = cell(name);
    return value === null ? null : value.trim();
  };
  const number = (name: CsvField): number | null => numberOf(cell(name), name);
  const time = (name: CsvField): number | null => {
    const n = number(name);
    if (n !== null && n < 0) throw new RecordProblem(name, msg.negativeTime(n));
    return n;
  };
  const kind = text('kind');
  const runtime = ctx.runtime ?? text('runtime') ?? kind;
  if (runtime === null) throw new RecordProblem('runtime', msg.noRuntime());
  const status = text('status');
  const concurrency = number('concurrency');
  const composition = text('composition');
  const row = makeRow({
    runtime,
    kind,
    action: text('action'),
    memory_mb: number('memory_mb'),
    function: text('function'),
    concurrency: concurrency === null ? null : requireConcurrency(concurrency, 'concurrency'),
    repetition: number('repetition'),
    activation_id: text('activation_id'),
    start: number('start'),
    end: number('end'),
    wait_ms: time('wait_ms'),
    init_ms: time('init_ms'),
    duration_ms: time('duration_ms'),
    client_ms: time('client_ms'),
    status: status === null ? 'success' : requireStatus(status, 'status'),
    label: cell('label'),
    confidence: number('confidence'),
    composition: composition === null ? null : requireComposition(composition, 'composition'),
    caused_by: text('caused_by'),
    components: number('components'),
    source: ctx.source,
  }, { init: 'init_ms', duration: 'duration_ms' });
  checkDerived(row, 'exec_ms', number('exec_ms'));
  checkDerived(row, 'total_ms', number('total_ms'));
  const cold = cell('cold');
  if (cold !== null && booleanOf(cold, 'cold') !== row.cold) throw new RecordProblem('cold', msg.coldWithoutInit(!row.cold));
  return row;
}

function numberOf(value: Cell, name: string): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (Number.isNaN(n)) {
    if (/^[+-]?nan$/i.test(trimmed)) throw new RecordProblem(name, msg.expectedFinite(NaN));
    throw new RecordProblem(name, msg.expectedNumber(value));
  }
  if (!Number.isFinite(n)) throw new RecordProblem(name, msg.expectedFinite(n));
  return n;
}

export function booleanOf(value: string, name: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new RecordProblem(name, msg.expectedBoolean(value));
}

function checkDerived(row: Activation, column: 'exec_ms' | 'total_ms', given: number | null): void {
  const derived = row[column];
  if (given === null || derived === null) return;
  if (!derivedAgrees(given, derived)) throw new RecordProblem(column, msg.inconsistentDerived(column, derived, given));
}

/** A given exec or total matches its derivation within a millionth (rounding in the exporter). */
export function derivedAgrees(given: number, derived: number): boolean {
  return Math.abs(given - derived) <= 1e-6 * Math.max(1, Math.abs(derived));
}
