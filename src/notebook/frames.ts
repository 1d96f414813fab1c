// danfo DataFrames as a cell's last value: tslab prints them with console.log, which shows their
// internals. In the notebook module only, a DataFrame shows itself as an HTML table instead.
import { inspect } from 'node:util';
import { DataFrame } from 'danfojs-node';
import { show } from './display.js';
import { tableBundle } from './html.js';

const LIMIT = 20;

export function frameBundle(frame: DataFrame, limit = LIMIT): Record<string, string> {
  const columns = frame.columns.map(String);
  const values = frame.values as unknown[][];
  const rows = values.slice(0, limit).map((row) => Object.fromEntries(columns.map((name, at) => [name, row[at]])));
  const shownRows = values.length > limit ? `${limit} of ${values.length} rows` : `${values.length} rows`;
  return tableBundle(rows, columns, `${shownRows} × ${columns.length} columns`);
}

/** Installed once, when a notebook imports the module. */
export function showFramesAsTables(): void {
  // danfo-node's DataFrame extends danfo's base DataFrame, which head(), query() and groupby() return.
  const prototype = Object.getPrototypeOf(DataFrame.prototype) as Record<symbol, unknown>;
  if (prototype[inspect.custom]) return;
  prototype[inspect.custom] = function (this: DataFrame): string {
    show(frameBundle(this));
    return `DataFrame: ${this.shape[0]} rows × ${this.shape[1]} columns`;
  };
}
