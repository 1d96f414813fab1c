// Which activation-table field each CSV column holds, as people export CSV: names in any case,
// spaces and a BOM trimmed, the table's names, the flat records' names (initTime, waitTime,
// duration, activationId, memory…) and unit-suffixed spellings (init_time_ms, wait_ms,
// "duration (ms)", memory_mb). Documented in README.md ("CSV columns").
import * as msg from './messages.js';
import type { Cell } from './csv-text.js';

export type CsvField =
  | 'runtime' | 'kind' | 'action' | 'function' | 'memory_mb' | 'concurrency' | 'repetition'
  | 'activation_id' | 'start' | 'end' | 'wait_ms' | 'init_ms' | 'duration_ms' | 'exec_ms' | 'total_ms'
  | 'client_ms' | 'cold' | 'status' | 'label' | 'confidence' | 'composition' | 'caused_by' | 'components';

/** Each field's names once normalized (see normalizeName): the table's, the records', the obvious others. */
const NAMES: Record<CsvField, string[]> = {
  runtime: ['runtime'],
  kind: ['kind'],
  action: ['action', 'actionname', 'name'],
  function: ['function', 'functionname'],
  memory_mb: ['memory', 'memorymb'],
  concurrency: ['concurrency', 'noconcurrentrequests'],
  repetition: ['repetition'],
  activation_id: ['activationid'],
  start: ['start'],
  end: ['end'],
  wait_ms: ['wait', 'waittime'],
  init_ms: ['init', 'inittime'],
  duration_ms: ['duration'],
  exec_ms: ['exec', 'exectime'],
  total_ms: ['total', 'totaltime'],
  client_ms: ['client', 'clienttime'],
  cold: ['cold'],
  status: ['status'],
  label: ['label'],
  confidence: ['confidence'],
  composition: ['composition'],
  caused_by: ['causedby'],
  components: ['components'],
};

const FIELD_OF = new Map<string, CsvField>(
  (Object.entries(NAMES) as Array<[CsvField, string[]]>).flatMap(([field, names]) => names.map((n): [string, CsvField] => [n, field])),
);

/** Lower case, BOM and spaces off, a unit suffix off ("(ms)", "[ms]", "_ms", " mb"), then letters and digits only. */
export function normalizeName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase()
    .replace(/\s*[([]\s*(ms|mb)\s*[)\]]$/, '')
    .replace(/[\s_-](ms|mb)$/, '')
    .replace(/[^a-z0-9]/g, '');
}

export function fieldOfName(name: string): CsvField | null {
  return FIELD_OF.get(normalizeName(name)) ?? null;
}

/** A header line: separated by commas (or semicolons, which csvRows then explains), one name a table field. */
export function looksLikeCsvHeader(line: string): boolean {
  const separator = line.includes(',') ? ',' : line.includes(';') ? ';' : null;
  if (separator === null) return false;
  return line.split(separator).some((cell) => fieldOfName(cell.replace(/^\s*"|"\s*$/g, '')) !== null);
}

export interface CsvHeader {
  columns: Map<CsvField, number>;
  /** Columns no field reads, as the header names them. */
  unused: string[];
}

/** Maps the header's columns to fields; two columns for one field is the user's error (returned, not thrown). */
export function readHeader(cells: readonly Cell[]): CsvHeader | { clash: string } {
  const columns = new Map<CsvField, number>();
  const unused: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const name = (cells[i] ?? '').replace(/^\uFEFF/, '').trim();
    const field = fieldOfName(name);
    if (field === null) {
      unused.push(name);
      continue;
    }
    const earlier = columns.get(field);
    if (earlier !== undefined) return { clash: msg.csvSameField(String(cells[earlier] ?? '').trim(), name, field) };
    columns.set(field, i);
  }
  return { columns, unused };
}
