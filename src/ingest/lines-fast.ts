// The fast path for the large line-oriented inputs, NDJSON activation records and CSV: the file
// read in chunks of whole lines (line-chunks.ts), each chunk parsed by the general path's own
// parsers, so the rows are the same and no whole-file text or bytes are held. Any problem at all
// (another format, a bad record even under --skip-invalid, a quote in the CSV, whose quoted
// fields may span lines) returns null, leaving nothing behind: the general path then reads the
// file and names the problem with its line, exactly as before.
import { ActivationStore } from '../table/store.js';
import type { Activation, InputFormat } from '../types.js';
import { csvRows } from './csv.js';
import { detect } from './detect.js';
import { readLineChunks } from './line-chunks.js';
import type { FileContext } from './problem.js';
import { activationNdjsonRows } from './records.js';

export interface LinesResult {
  format: Extract<InputFormat, 'activation-ndjson' | 'csv'>;
  rows: ActivationStore;
  sha256: string;
}

export function readLinesFast(path: string, ctx: FileContext, chunkSize?: number): LinesResult | null {
  const rows = new ActivationStore();
  // Strict, so that a bad record throws (and the general path reports or skips it, with its line).
  const strict: FileContext = { ...ctx, skipInvalid: false, warnings: [] };
  let format: LinesResult['format'] | null = null;
  let header = '';
  const sha256 = readLineChunks(path, (text, first) => {
    // A chunk's rows live only until they are in the columns.
    const chunk: Activation[] = [];
    try {
      if (first) {
        format = formatOf(text, strict);
        if (format === 'csv') header = text.slice(0, text.indexOf('\n') + 1);
      }
      if (format === 'activation-ndjson') activationNdjsonRows(text, strict, chunk);
      else if (format === 'csv' && !text.includes('"')) {
        // Later chunks under the header again; its warnings (unused columns) counted once.
        csvRows(first ? text : header + text, first ? strict : { ...strict, warnings: [] }, chunk);
      } else return false;
      for (let i = 0; i < chunk.length; i++) rows.push(chunk[i]);
      return true;
    } catch {
      return false;
    }
  }, chunkSize);
  if (sha256 === null || format === null) return null;
  for (const warning of strict.warnings) ctx.warnings.push(warning);
  return { format, rows, sha256 };
}

/** What detect() says of the whole file, from its first chunk; null for any other format. */
function formatOf(text: string, ctx: FileContext): LinesResult['format'] | null {
  const c = text.charCodeAt(0);
  // JSON arrays are the flat path's or the general path's; a header must start the first line.
  if (c !== 0x7b /* { */ && !(c > 0x20 && c !== 0x5b /* [ */)) return null;
  if (!text.includes('\n')) return null;
  const format = detect(text, ctx).format;
  return format === 'activation-ndjson' || format === 'csv' ? format : null;
}
