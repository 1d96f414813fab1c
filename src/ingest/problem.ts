// A record-level problem: thrown by record parsers with a field path relative to the record, then
// placed (record index, line) by the format that owns the record. Keeps hot loops free of string
// building until something is actually wrong.
import { InputError } from '../errors.js';

export class RecordProblem extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(field ? `${field}: ${problem}` : problem);
    this.name = 'RecordProblem';
  }
}

/** What a format parser knows about the file it reads. */
export interface FileContext {
  file: string;
  source: number;
  /** --runtime override: wins over labels in the data. */
  runtime?: string;
  skipInvalid: boolean;
  warnings: string[];
}

/** Joins a record's place ("[3]", "line 4") with a field path inside it ("duration", "[1].value"). */
export function joinPlace(place: string, field: string): string {
  if (!field) return place;
  if (field.startsWith('[')) return `${place}${field}`;
  // "line 3, duration" but "line 2, [0].count" and "[1].duration".
  return place.endsWith(']') ? `${place}.${field}` : place.startsWith('line') ? `${place}, ${field}` : `${place}.${field}`;
}

/**
 * A bad record fails the whole input, unless --skip-invalid: then it is dropped and the message
 * that would have failed the input becomes a warning. Anything that is not a RecordProblem is
 * rethrown untouched.
 */
export function rejectRecord(ctx: FileContext, place: string, error: unknown): void {
  if (!(error instanceof RecordProblem)) throw error;
  const inputError = new InputError(ctx.file, joinPlace(place, error.field), error.problem);
  if (!ctx.skipInvalid) throw inputError;
  ctx.warnings.push(`${inputError.message} (record skipped)`);
}

export function fail(ctx: FileContext, place: string | null, problem: string): never {
  throw new InputError(ctx.file, place, problem);
}
