// Dispatches a file's text to the parser of the format detected.
import type { Activation, AggregateRow, InputFormat } from '../types.js';
import { aggregateJsonRows } from './aggregate-json.js';
import { aggregatePythonRows } from './aggregate-python.js';
import { csvRows } from './csv.js';
import { detect } from './detect.js';
import { flatRows } from './flat.js';
import { groupedRows } from './grouped.js';
import type { FileContext } from './problem.js';
import { runLogRows } from './run-log.js';
import { activationArrayRows, activationNdjsonRows, activationObjectRows, wskTextRows } from './records.js';

export function parseFile(text: string, ctx: FileContext, activations: Activation[], aggregates: AggregateRow[]): InputFormat {
  const detected = detect(text, ctx);
  switch (detected.format) {
    case 'flat-records':
      flatRows(detected.value, ctx, activations);
      return detected.format;
    case 'activation-records':
      activationArrayRows(detected.value, ctx, activations);
      return detected.format;
    case 'activation-records-object':
      activationObjectRows(detected.value, ctx, activations);
      return 'activation-records';
    case 'activation-ndjson':
      activationNdjsonRows(text, ctx, activations);
      return detected.format;
    case 'wsk-activation-get':
      wskTextRows(text, ctx, activations);
      return detected.format;
    case 'grouped-by-concurrency':
      groupedRows(detected.value, ctx, activations);
      return detected.format;
    case 'aggregate-json':
      aggregateJsonRows(detected.value, ctx, aggregates);
      return detected.format;
    case 'aggregate-python':
      aggregatePythonRows(text, ctx, aggregates);
      return detected.format;
    case 'run-log':
      runLogRows(text, ctx, activations);
      return detected.format;
    case 'csv':
      csvRows(text, ctx, activations);
      return detected.format;
  }
}
