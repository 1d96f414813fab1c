// A runtime label that holds several functions or memory sizes (issue 10) is, in a document,
// one runtime per configuration, "nodejs:20 (resize, 256 MB)": every table, claim and test then
// speaks of one deployed function in one configuration, never of the two pooled.
import { configurationName } from '../analyze/names.js';
import type { Activation, Table } from '../types.js';

export function splitConfigurations(table: Table): Table {
  const configurations = new Map<string, Set<string>>();
  for (const row of table.activations) {
    if (row.composition != null) continue;
    const seen = configurations.get(row.runtime) ?? new Set<string>();
    seen.add(configurationName(row));
    configurations.set(row.runtime, seen);
  }
  const several = new Set([...configurations].filter(([, seen]) => seen.size > 1).map(([runtime]) => runtime));
  if (several.size === 0) return table;
  const relabel = (row: Activation): Activation =>
    several.has(row.runtime) && row.composition == null ? { ...row, runtime: `${row.runtime} (${configurationName(row)})` } : row;
  const activations = table.activations.map(relabel);
  const sources = table.sources.map((source, index) => ({
    ...source,
    runtimes: [...new Set([
      ...activations.filter((r) => r.source === index && r.composition == null).map((r) => r.runtime),
      ...table.aggregates.filter((r) => r.source === index).map((r) => r.runtime),
    ])],
  }));
  return { ...table, activations, sources };
}
