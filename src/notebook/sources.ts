// What system each input was measured on. A run log says it in its first (target) line: the
// embedded OpenWhisk or a deployment's API host. Other files (records pulled from a deployment, a
// peer's published results) name no system; they are a deployment's, but which one is unknown.
import { closeSync, openSync, readSync } from 'node:fs';
import type { RunHeader, Table } from '../index.js';

export interface SourceLabel {
  file: string;
  format: string;
  /** "embedded OpenWhisk", "OpenWhisk at HOST", or "OpenWhisk deployment (no run log)". */
  system: string;
  embedded: boolean;
  runtimes: string[];
  activations: number;
  aggregates: number;
}

export function systemOf(file: string): { system: string; embedded: boolean } {
  const header = runHeader(file);
  if (!header) return { system: 'OpenWhisk deployment (no run log)', embedded: false };
  return header.target.embedded
    ? { system: 'embedded OpenWhisk (owbench)', embedded: true }
    : { system: `OpenWhisk at ${header.target.apihost}`, embedded: false };
}

export function labelSources(table: Table, shown: (file: string) => string): SourceLabel[] {
  return table.sources.map((source, index) => ({
    file: shown(source.path),
    format: source.format,
    ...systemOf(source.path),
    runtimes: source.runtimes,
    activations: table.activations.filter((row) => row.source === index).length,
    aggregates: table.aggregates.filter((row) => row.source === index).length,
  }));
}

/** Each runtime's systems: a speedup between runtimes of different systems compares two systems. */
export function systemsByRuntime(labels: readonly SourceLabel[]): Map<string, Set<string>> {
  const systems = new Map<string, Set<string>>();
  for (const label of labels) for (const runtime of label.runtimes) systems.set(runtime, (systems.get(runtime) ?? new Set()).add(label.system));
  return systems;
}

function runHeader(file: string): RunHeader | null {
  const first = firstLine(file);
  try {
    const parsed = JSON.parse(first) as Partial<RunHeader> & { type?: string };
    return parsed.type === 'run' && parsed.target ? (parsed as RunHeader) : null;
  } catch {
    return null;
  }
}

function firstLine(file: string): string {
  const buffer = Buffer.alloc(1024 * 1024);
  const handle = openSync(file, 'r');
  try {
    const read = readSync(handle, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split('\n', 1)[0]!;
  } finally {
    closeSync(handle);
  }
}
