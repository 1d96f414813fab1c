// Small activation tables built by hand for rule tests: each row as ingest would normalize it.
import type { Activation, AggregateRow, Analysis, Table } from '../../src/types.js';
import { analyze } from '../../src/analyze/index.js';

export function row(fields: Partial<Activation> & { runtime: string; duration_ms: number; wait_ms: number }): Activation {
  const init = fields.init_ms ?? null;
  return {
    kind: fields.runtime,
    action: null,
    memory_mb: null,
    concurrency: 1,
    repetition: null,
    activation_id: null,
    start: null,
    end: null,
    init_ms: init,
    exec_ms: fields.duration_ms - (init ?? 0),
    total_ms: fields.wait_ms + fields.duration_ms,
    client_ms: null,
    cold: init !== null,
    status: 'success',
    label: null,
    confidence: null,
    source: 0,
    ...fields,
  };
}

export function aggregate(runtime: string, concurrency: number, figures: Partial<AggregateRow>): AggregateRow {
  return { runtime, concurrency, count: 1, avg_init: null, max_wait: null, avg_duration: null, avg_total: null, source: 0, ...figures };
}

export function tableOf(activations: Activation[], aggregates: AggregateRow[] = []): Table {
  const runtimes = [...new Set([...activations.map((r) => r.runtime), ...aggregates.map((r) => r.runtime)])];
  return {
    activations,
    aggregates,
    sources: [{ path: 'test/data.json', sha256: '0'.repeat(64), format: activations.length ? 'flat-records' : 'aggregate-json', runtimes }],
    warnings: [],
  };
}

export function analyzed(table: Table, baseline?: string): [Table, Analysis] {
  return [table, analyze(table, { baseline })];
}
