// The data contracts of DESIGN.md §2, in one place. Every stage passes these; nothing else.

/** What happened to one invocation: OpenWhisk's four statuses, or what the driver saw. */
export type Status =
  | 'success'
  | 'application error'
  | 'action developer error'
  | 'whisk internal error'
  | 'throttled'
  | 'timeout'
  | 'lost';

export const STATUSES: readonly Status[] = [
  'success',
  'application error',
  'action developer error',
  'whisk internal error',
  'throttled',
  'timeout',
  'lost',
];

/** One row of the activation table (DESIGN.md §2.1). Times in ms; epoch ms for start/end. */
export interface Activation {
  runtime: string;
  kind: string | null;
  action: string | null;
  memory_mb: number | null;
  concurrency: number;
  repetition: number | null;
  activation_id: string | null;
  start: number | null;
  end: number | null;
  wait_ms: number | null;
  /** Absent on warm activations: null, never 0. */
  init_ms: number | null;
  /** OpenWhisk's `duration`: on a cold activation it already includes init. */
  duration_ms: number | null;
  /** duration_ms − (init_ms ?? 0) */
  exec_ms: number | null;
  /** wait_ms + duration_ms (init is never added again) */
  total_ms: number | null;
  client_ms: number | null;
  cold: boolean;
  status: Status;
  label: string | null;
  confidence: number | null;
  /** Which input (index into Table.sources) the row came from. */
  source: number;
}

/** Rows the authors had already aggregated (DESIGN.md §2.2 format 4): no distribution. */
export interface AggregateRow {
  runtime: string;
  concurrency: number;
  count: number;
  avg_init: number | null;
  max_wait: number | null;
  avg_duration: number | null;
  avg_total: number | null;
  source: number;
}

/** An input file as read: its path, its bytes' digest, the format detected. */
export interface Source {
  path: string;
  sha256: string;
  format: InputFormat;
  /** The runtime labels the file contributed, in order of first appearance. */
  runtimes: string[];
}

export type InputFormat =
  | 'flat-records'
  | 'activation-records'
  | 'activation-ndjson'
  | 'wsk-activation-get'
  | 'grouped-by-concurrency'
  | 'aggregate-json'
  | 'aggregate-python'
  | 'run-log'
  | 'csv';

/** Everything ingest produces from a set of files. */
export interface Table {
  activations: Activation[];
  aggregates: AggregateRow[];
  sources: Source[];
  /** Records skipped under --skip-invalid, each with the message that would have failed the input. */
  warnings: string[];
}

/** Group figures of DESIGN.md §2.3 for one (runtime, concurrency). Null where not computable. */
export interface GroupFigures {
  runtime: string;
  concurrency: number;
  /** Present only when grouped by repetition (`analyze --by repetition`). */
  repetition?: number | null;
  count: number;
  /** Null for pre-aggregated rows, which do not say how many failed. */
  errors: number | null;
  /** Null for pre-aggregated rows whose number of cold activations is unknown. */
  cold: number | null;
  avg_init: number | null;
  max_wait: number | null;
  avg_wait: number | null;
  avg_duration: number | null;
  avg_exec: number | null;
  avg_total: number | null;
  p50_total: number | null;
  p90_total: number | null;
  p95_total: number | null;
  p99_total: number | null;
  max_total: number | null;
}

export type SpeedupMetric = 'avg_init' | 'avg_wait' | 'avg_exec' | 'avg_duration' | 'avg_total' | 'p95_total';

/** ratio = baseline / candidate; above 1 the candidate is faster. concurrency null = overall. */
export interface Speedup {
  baseline: string;
  candidate: string;
  concurrency: number | null;
  metric: SpeedupMetric;
  ratio: number;
}

/** The JSON of `owbench analyze` (DESIGN.md §2.3). */
export interface Analysis {
  groups: GroupFigures[];
  speedups: Speedup[];
}
