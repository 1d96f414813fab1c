// Small activation tables built by hand for the analyze tests (the peer's files and pandas cover
// real and large data elsewhere).
import type { Activation, AggregateRow, Status, Table } from '../../src/types.js';

export interface RowSpec {
  runtime: string;
  concurrency?: number;
  repetition?: number | null;
  wait: number | null;
  init?: number | null;
  duration: number | null;
  status?: Status;
}

/** A row with exec and total derived as DESIGN.md §2.1 defines them. */
export function row(spec: RowSpec): Activation {
  const init = spec.init ?? null;
  return {
    runtime: spec.runtime,
    kind: spec.runtime,
    action: null,
    memory_mb: null,
    function: null,
    concurrency: spec.concurrency ?? 1,
    repetition: spec.repetition ?? null,
    activation_id: null,
    start: null,
    end: null,
    wait_ms: spec.wait,
    init_ms: init,
    duration_ms: spec.duration,
    exec_ms: spec.duration === null ? null : spec.duration - (init ?? 0),
    total_ms: spec.duration === null || spec.wait === null ? null : spec.wait + spec.duration,
    client_ms: null,
    cold: init !== null,
    status: spec.status ?? 'success',
    label: null,
    confidence: null,
    composition: null,
    caused_by: null,
    components: null,
    source: 0,
  };
}

export function aggregate(spec: Omit<AggregateRow, 'source'> & { source?: number }): AggregateRow {
  return { source: 0, ...spec };
}

export function table(activations: Activation[], aggregates: AggregateRow[] = []): Table {
  const runtimes = [...new Set([...activations.map((r) => r.runtime), ...aggregates.map((r) => r.runtime)])];
  return {
    activations,
    aggregates,
    sources: [{ path: 'hand-made', sha256: '', format: 'flat-records', runtimes }],
    warnings: [],
  };
}
