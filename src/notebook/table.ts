// load(…): the activation table of one study, shown as a table in the notebook (the sources it
// came from and its first rows), with a danfo DataFrame one property away (`.frame`).
import { inspect } from 'node:util';
import type { DataFrame } from 'danfojs-node';
import { frameOf, ingestFiles, type Activation, type Dataset, type InputSpec, type Table as ActivationTable } from '../index.js';
import { show } from './display.js';
import { htmlTable, tableBundle, textTable } from './html.js';
import { mixedSystems } from './messages.js';
import { shown } from './paths.js';
import { labelSources, type SourceLabel } from './sources.js';
import { resolveStudies, type Study } from './studies.js';

/** The columns a reader looks at first; `.frame` has them all. */
const PREVIEW = ['runtime', 'concurrency', 'activation_id', 'cold', 'wait_ms', 'init_ms', 'exec_ms', 'total_ms', 'status'];

export interface LoadOptions {
  /** Skip invalid records (with a warning each) instead of failing, as --skip-invalid. */
  skipInvalid?: boolean;
}

export class Activations {
  #frame: DataFrame | undefined;
  readonly sources: SourceLabel[];

  constructor(readonly table: ActivationTable, readonly inputs: InputSpec[], readonly dataset?: Dataset) {
    this.sources = labelSources(table, shown);
  }

  get rows(): Activation[] {
    return this.table.activations;
  }

  /** The activations as a danfo DataFrame (built on first use). */
  get frame(): DataFrame {
    return (this.#frame ??= frameOf(this.table.activations));
  }

  /** The distinct systems the sources were measured on. */
  get systems(): string[] {
    return [...new Set(this.sources.map((source) => source.system))];
  }

  /** Why these data need care: skipped records, and sources from more than one system. */
  get warnings(): string[] {
    return [...this.table.warnings, ...(this.systems.length > 1 ? [mixedSystems(this.systems)] : [])];
  }

  get caption(): string {
    const aggregates = this.table.aggregates.length ? `, ${this.table.aggregates.length} pre-aggregated rows` : '';
    return `${this.rows.length} activations${aggregates} from ${this.sources.length} source${this.sources.length === 1 ? '' : 's'}`;
  }

  /** The sources (file, format, system, runtimes), the warnings and the first rows. */
  bundle(limit = 8): Record<string, string> {
    const sources = this.sources.map((source) => ({ ...source, runtimes: source.runtimes.join(', ') }));
    const columns = ['file', 'system', 'format', 'runtimes', 'activations', 'aggregates'];
    const warnings = this.warnings.map((warning) => `warning: ${warning}`);
    const head = this.rows.slice(0, limit) as unknown as Array<Record<string, unknown>>;
    const preview = head.length ? tableBundle(head, PREVIEW, `${head.length} of ${this.rows.length} rows; .frame has every column`) : null;
    return {
      'text/html': [htmlTable(sources, columns), ...warnings.map((line) => `<p><strong>${line}</strong></p>`), preview?.['text/html'] ?? '', `<p>${this.caption}</p>`].join('\n'),
      'text/plain': [textTable(sources, columns), ...warnings, preview?.['text/plain'] ?? '', this.caption].join('\n'),
    };
  }

  /** tslab prints a cell's last value with console.log: show the table instead, and say what it is. */
  [inspect.custom](): string {
    show(this.bundle());
    return this.caption;
  }
}

/** One study (a dataset's name, a run log's name, or files relative to the project root). */
export function load(...studies: Array<Study | LoadOptions>): Activations {
  const options = studies.find((study): study is LoadOptions => typeof study === 'object' && !('path' in study)) ?? {};
  const { inputs, dataset } = resolveStudies(studies.filter((study): study is Study => typeof study === 'string' || 'path' in study));
  return new Activations(ingestFiles(inputs, { skipInvalid: options.skipInvalid }), inputs, dataset);
}
