// The report model: a plain, typed JSON object holding every number a document shows (already
// rounded for display) and every claim its prose makes (computed by the rules in ./claims/).
// Templates only place and escape what is here; `owbench report --json-model` prints it.
//
// Rounding (src/report/round.ts): milliseconds to 2 decimals (the seed's 1715.5, 1542.33), ratios
// ("N× faster") to 1 decimal, confidence to 4 decimals (0.6041). Documents print times of 1000 ms
// and more in seconds (src/report/format.ts).
// Raw strings (runtime names, labels, action names) are kept unescaped: templates escape them.
import type { InputFormat, Speedup, Status } from '../types.js';
import type { ModelCaveats } from './caveats.js';
import type { PairClaims } from './claims/pair.js';
import type { SweepClaims } from './claims/sweep.js';
import type { WarmClaims } from './claims/warm.js';
import type { ReportGroup } from './groups.js';
import type { ModelStatistics } from './statistics.js';
import type { Findings } from './findings/index.js';
import type { RunSetting } from './setting.js';

export type TemplateName = 'pair' | 'sweep' | 'warm';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['pair', 'sweep', 'warm'];

export const MODEL_SCHEMA = 'owbench-report-model/1';

export interface ReportModel {
  schema: typeof MODEL_SCHEMA;
  template: TemplateName;
  /** Why this template: the rule of chooseTemplate() that picked it, or "named by the user". */
  template_reason: string;
  title: string;
  /** The runtime every ratio is measured against (ratio = baseline / candidate). */
  baseline: string;
  /** In input order (first appearance); `label` is the display name (--label), else the id. */
  runtimes: RuntimeInfo[];
  /** Concurrency levels present anywhere in the data, ascending. */
  levels: number[];
  /** Group figures (DESIGN.md §2.3), rounded; runtime order, then concurrency. */
  groups: ModelGroup[];
  /** Ratios baseline / candidate, rounded, with their 95% bootstrap intervals (null where none). */
  speedups: ModelSpeedup[];
  /** The template's claims, computed by rules with thresholds. */
  claims: PairClaims | SweepClaims | WarmClaims;
  /** Ratios per component with intervals and rank tests, mixed results, trend sentences (issue 7). */
  statistics: ModelStatistics;
  /** Where each run-log input ran (issue 11, src/report/setting.ts); empty for other inputs. */
  settings: RunSetting[];
  /** What the document may conclude, with its evidence (issue 11, src/report/findings/). */
  findings: Findings;
  /** The Caveats section: sample sizes, cold purity, failures, intervals, reporting principles. */
  caveats: ModelCaveats;
  /** One entry per activation, in input order, for charts of distributions; null for aggregate-only inputs. */
  points: ModelPoint[] | null;
  /** Vega-Lite figures placed by templates (src/charts fills this when a document is written with its figures). */
  figures: ModelFigure[];
  /** Records skipped under --skip-invalid, as ingest reported them. */
  warnings: string[];
  provenance: Provenance;
}

export interface RuntimeInfo {
  id: string;
  label: string;
  baseline: boolean;
}

/**
 * A ReportGroup rounded for display (ms to 2 decimals, intervals too; null where none: see the
 * analysis' warnings), with the runtime's display label. Grouped by runtime and concurrency only.
 */
export interface ModelGroup extends Omit<ReportGroup, 'repetition'> {
  label: string;
}

/** A Speedup rounded to 2 decimals (ratio and its 95% bootstrap interval; null where none). */
export type ModelSpeedup = Speedup;

/** One activation as charts see it (DESIGN.md §2.1 columns, times rounded like the groups). */
export interface ModelPoint {
  runtime: string;
  concurrency: number;
  repetition: number | null;
  wait_ms: number | null;
  init_ms: number | null;
  exec_ms: number | null;
  total_ms: number | null;
  cold: boolean;
  status: Status;
}

export type FigureId = 'latency' | 'split' | 'ecdf' | 'speedup' | 'strip';

/** Why a figure is left out; templates turn the code into a sentence. */
export type FigureOmission = 'no-distribution' | 'one-runtime' | 'no-ratios' | 'regimes-apart' | 'no-successes' | 'no-times';

export interface ModelFigure {
  /** Stable id a template refers to; also the file name of its image. */
  id: FigureId;
  title: string;
  /** A Vega-Lite spec (plain JSON); null when the figure is left out. */
  spec: Record<string, unknown> | null;
  /** Why the figure is left out, or null when it is drawn. */
  omitted: FigureOmission | null;
  /** Display labels of the runtimes the figure shows (for alt text). */
  runtimes: string[];
  /** True when the figure's data is pre-aggregated rows (means only, no split of duration). */
  from_aggregates: boolean;
  /** Where the rendered image, its spec and its PNG are written, relative to the document. */
  path: string | null;
  spec_path: string | null;
  png_path: string | null;
}

export interface Provenance {
  inputs: ProvenanceInput[];
  parameters: {
    /** The template the user named, or null when chosen from the data. */
    template: TemplateName | null;
    baseline: string | null;
    labels: Record<string, string>;
    title: string | null;
  };
  owbench_version: string;
}

export interface ProvenanceInput {
  /** Relative, with posix separators. */
  path: string;
  sha256: string;
  format: InputFormat | null;
}
