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
  /**
   * The deployed code, shared by the numbered actions cold-start forcing deploys (issue 10): the
   * run log's experiment, a `function` column, or the action's name without that numbering.
   */
  function: string | null;
  /** Null when the data does not say how many invocations ran at once ("not recorded"), never a silent 1. */
  concurrency: number | null;
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
  /** Set on sequence and conductor activations, which are kept out of runtime groups. */
  composition: Composition | null;
  /** `causedBy` of a component activation (`"sequence"`): it ran inside a composition. */
  caused_by: string | null;
  /** A composition's component activations (the ids in its `logs`); null on other rows. */
  components: number | null;
  /** Which input (index into Table.sources) the row came from. */
  source: number;
}

/**
 * What an activation that is not a runtime's is: a sequence, a conductor action, or a trigger
 * (OpenWhisk records a fired trigger as an activation with no kind, no duration, and one log line
 * per rule it activated).
 */
export type Composition = 'sequence' | 'conductor' | 'trigger';
export const COMPOSITIONS: readonly Composition[] = ['sequence', 'conductor', 'trigger'];

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

/** A status other than success: what `failures` counts. */
export type FailureStatus = Exclude<Status, 'success'>;

/** Failed activations by status, timeouts apart (`failures` of a group). */
export type Failures = Record<FailureStatus, number>;

/**
 * Successful activations without a column's value, which the figures over that column leave out
 * (a record with no `waitTime` has no wait and no total): e.g. avg_total is over count −
 * missing.total_ms activations.
 */
export interface MissingCounts {
  wait_ms: number;
  duration_ms: number;
  exec_ms: number;
  total_ms: number;
}

/** The figures of a group's cold (or warm) activations alone (README "analyze --json"). */
export interface PartFigures {
  count: number;
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
  missing: MissingCounts;
}

/**
 * Group figures of DESIGN.md §2.3 for one (runtime, function, memory, concurrency), or the keys
 * `analyze --by` names. Null where not computable.
 */
export interface GroupFigures {
  runtime: string;
  /** The deployed function (null when the data names no action or function). */
  function: string | null;
  /** Present only when grouped by action (`analyze --by action`): the exact action name. */
  action?: string | null;
  memory_mb: number | null;
  /** Null: the data did not record how many invocations ran at once. */
  concurrency: number | null;
  /** Present only when grouped by repetition (`analyze --by repetition`). */
  repetition?: number | null;
  count: number;
  /** Null for pre-aggregated rows, which do not say how many failed. */
  errors: number | null;
  /** errors by status (timeouts as timeouts); null for pre-aggregated rows. */
  failures: Failures | null;
  /** Per column, successful activations its figures leave out; null for pre-aggregated rows. */
  missing: MissingCounts | null;
  /** Cold and warm activations apart; null parts for pre-aggregated rows (unknown). */
  parts: { cold: PartFigures | null; warm: PartFigures | null };
  /** Activations that ran inside a sequence or conductor (`causedBy`); null for pre-aggregated rows. */
  in_composition: number | null;
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
  /**
   * Cold-start cost as OpenWhisk studies define it: mean of wait_ms + init_ms over the cold
   * activations (the time a request spends before its code runs); null when none was cold.
   */
  avg_cold_cost: number | null;
  /** 95% confidence intervals of the means and percentiles (see GroupIntervals). */
  ci: GroupIntervals;
  /** The mean total's interval at the unit; absent for pre-aggregated rows and `--by` groups. */
  mean_total?: GroupMeanInterval;
}

/**
 * The figures that get an interval: means and percentiles. Maxima get none (no resample exceeds
 * the sample's maximum, so a bootstrap interval of a maximum means nothing).
 */
export type IntervalFigure =
  | 'avg_init' | 'avg_wait' | 'avg_cold_cost' | 'avg_exec' | 'avg_duration' | 'avg_total'
  | 'p50_total' | 'p90_total' | 'p95_total' | 'p99_total';

/** [low, high] of a 95% interval, in the figure's unit (ms). */
export type Interval = [low: number, high: number];

/**
 * `ci` of a group, e.g. `"ci": {"avg_total": [1490.2, 1655.1], "p99_total": null, …}`: a 95%
 * percentile-bootstrap interval over the group's successful activations, seeded (same data, same
 * bytes). null, with a line in Analysis.warnings saying why, when the group has fewer than 2
 * values of the figure, when a percentile has fewer than 10 values beyond it (p95 needs 200
 * activations, p99 1000, the median 20), and always for pre-aggregated rows (no distribution).
 */
export type GroupIntervals = Record<IntervalFigure, Interval | null>;

/**
 * A group's 95% interval of its mean total at the experimental unit (issue 11): `run` resamples
 * whole runs (several runs), `activation` resamples one run's activations and describes that run
 * only; `ci` null where the coverage bench/coverage/ measured is poor (fewer than 4 runs, or one
 * run of fewer than 10 activations) or the interval has zero width.
 */
export interface GroupMeanInterval {
  unit: 'run' | 'activation';
  runs: number;
  activations: number;
  ci: Interval | null;
  no_interval: 'too few runs' | 'too few activations' | 'zero width' | null;
}

/** Ratios of means per component (wait, init, cold cost, exec, duration, total), of medians and of p95. */
export type SpeedupMetric =
  | 'avg_init' | 'avg_wait' | 'avg_cold_cost' | 'avg_exec' | 'avg_duration' | 'avg_total' | 'p50_total' | 'p95_total';

/**
 * ratio = baseline / candidate; above 1 the candidate is faster. concurrency null = overall.
 * [ci_low, ci_high]: 95% percentile-bootstrap interval of the ratio (each side resampled on its
 * own); null when either side's figure has no interval, or for pre-aggregated rows.
 */
export interface Speedup {
  baseline: string;
  candidate: string;
  concurrency: number | null;
  metric: SpeedupMetric;
  ratio: number;
  ci_low: number | null;
  ci_high: number | null;
}

/** The per-activation columns a rank test compares. */
export type ComparisonMetric = 'init_ms' | 'exec_ms' | 'total_ms';

/**
 * Baseline vs candidate at one concurrency level on one column: Mann-Whitney U (two-sided; exact
 * when both sides have ≤ 50 values and no ties, else the normal approximation with tie and
 * continuity corrections, as scipy.stats.mannwhitneyu) and Cliff's δ. `p_adjusted` is Holm's
 * correction across the levels compared for the same (candidate, metric); `significant` is
 * p_adjusted < 0.05. δ > 0: the baseline's values tend to be larger (the candidate is faster).
 */
export interface RankTest {
  baseline: string;
  candidate: string;
  concurrency: number;
  metric: ComparisonMetric;
  n_baseline: number;
  n_candidate: number;
  /** U of the baseline: #(baseline > candidate) + ½·#ties over all pairs. */
  u: number;
  p: number;
  p_adjusted: number;
  method: 'exact' | 'normal';
  cliffs_delta: number;
  /** |δ| < 0.147 negligible, < 0.33 small, < 0.474 medium, else large (Romano et al. 2006). */
  magnitude: 'negligible' | 'small' | 'medium' | 'large';
  significant: boolean;
}

/**
 * A runtime's metric against concurrency: the least-squares slope (ms per concurrent invocation)
 * with its 95% interval. `avg_total`: fitted to the level means, t interval with levels − 2
 * degrees of freedom. `total_ms`: fitted to every activation's total, interval by resampling the
 * activations within each level. Verdict: 'grows' / 'shrinks' when the interval excludes 0;
 * 'flat' when it holds 0 and even its ends change the metric by at most 20% of its mean across
 * the levels measured; 'too thin' otherwise, or with fewer than 3 levels (slope and interval
 * null then when they cannot be computed). No curve shape is ever named.
 */
export interface TrendFit {
  runtime: string;
  metric: 'avg_total' | 'total_ms';
  /** The concurrency levels fitted, ascending. */
  levels: number[];
  slope: number | null;
  ci_low: number | null;
  ci_high: number | null;
  verdict: 'grows' | 'shrinks' | 'flat' | 'too thin';
}

/** How the intervals were made, so a reader can redo them. */
export interface IntervalMethod {
  level: number;
  method: 'percentile bootstrap';
  resamples: number;
  seed: number;
  /** Above this many values a resampled mean is drawn from its normal limit (same variance); 0 when the draw budget forced it everywhere. */
  exact_mean_max: number;
}

/**
 * Sequence or conductor activations of one action, kept out of the runtime groups: their
 * duration is end to end (all components), `components` counts the ids in their `logs`.
 */
export interface CompositionFigures {
  composition: Composition;
  action: string | null;
  count: number;
  errors: number;
  failures: Failures;
  avg_duration: number | null;
  max_duration: number | null;
  /** Mean number of component activations (null when no record listed them). */
  avg_components: number | null;
}

/** The JSON of `owbench analyze` (DESIGN.md §2.3, extended by issues 7 and 10). */
export interface Analysis {
  groups: GroupFigures[];
  compositions: CompositionFigures[];
  speedups: Speedup[];
  comparisons: RankTest[];
  trends: TrendFit[];
  intervals: IntervalMethod;
  /** Why an interval, test or trend is missing or rough, in plain sentences (ingest's skipped records stay in Table.warnings). */
  warnings: string[];
  /** Intervals and tests at the experimental unit (issue 11); absent without raw activations to compare. */
  inference?: UnitInference;
}

/**
 * Inference at the experimental unit (issue 11, DESIGN.md §2.3): `run` when some cell holds
 * several runs (by `repetition`, else by input file), `activation` when every cell is one run.
 */
export interface UnitInference {
  unit: 'run' | 'activation';
  /** What told runs apart; null when each cell is one run. */
  unit_field: 'repetition' | 'source' | null;
  /** Runs behind the cells compared (fewest, most). */
  runs_per_cell: { min: number; max: number };
  /** Below this many units on either side, no interval is given (from bench/coverage/). */
  min_units: number;
  /** The least coverage bench/coverage/ measured at min_units or more: ratio of means, of medians. */
  coverage: { mean: number; median: number };
  /** Tests in the one Holm family: every comparison below. */
  family: number;
  comparisons: UnitComparison[];
  /** Across levels: the geometric mean of the per-level ratios (stratified, never pooled). */
  overall: StratifiedRatio[];
  /**
   * The same comparisons over activations whose level the data does not record (raw records,
   * `owbench fetch`): one stratum of their own, in the same Holm family as `comparisons`. Present
   * only when there are some; one fetch is one run, so their intervals describe that set only.
   */
  unrecorded_level?: UnrecordedLevelComparison[];
}

/** A UnitComparison in the stratum of activations with no recorded concurrency level. */
export type UnrecordedLevelComparison = Omit<UnitComparison, 'concurrency'> & { concurrency: null };

/** Baseline vs candidate in one cell (level, cold or warm part) on one metric, at the unit. */
export interface UnitComparison {
  baseline: string;
  candidate: string;
  concurrency: number;
  part: 'cold' | 'warm';
  metric: ComparisonMetric;
  unit: 'run' | 'activation';
  /** Units compared (runs, or activations) and the activations behind them. */
  n_baseline: number;
  n_candidate: number;
  activations_baseline: number;
  activations_candidate: number;
  /** baseline / candidate of the pooled means and medians; above 1 the candidate is faster. */
  mean_ratio: number;
  median_ratio: number;
  /** Expanded percentile interval of a cluster (run) or activation bootstrap; null: see no_interval. */
  mean_ci: Interval | null;
  median_ci: Interval | null;
  no_interval: 'too few units' | 'zero width' | null;
  p: number;
  /** Holm's correction across every comparison of the analysis (one family per document). */
  p_adjusted: number;
  method: 'exact permutation' | 'monte carlo permutation' | 'normal approximation';
  significant: boolean;
  /** Cliff's δ over the units compared (positive: the baseline's tend to be larger). */
  cliffs_delta: number;
  /** Sides whose mean is carried by a few activations (src/analyze/heavy-tail.ts). */
  heavy_tails: Array<{
    runtime: string; few: number; slowest_ms: number[]; activations: number; mean_ms: number; mean_without_ms: number;
    /** The activations behind slowest_ms, slowest first (null where the data has no activation id). */
    activation_ids?: Array<string | null>;
  }>;
  /** What a claim about this comparison reads: the median where a side's mean is carried by a few activations. */
  claims_from?: 'mean' | 'median';
}

export interface StratifiedRatio {
  baseline: string;
  candidate: string;
  part: 'cold' | 'warm';
  metric: ComparisonMetric;
  statistic: 'mean' | 'median';
  ratio: number;
  levels: number[];
}
