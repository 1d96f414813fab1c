// Claims of the pair document (the seed's first document): two activations side by side. Cold
// `duration` includes init, so execution (duration − init) is compared on its own: a shorter
// duration can hide a slower execution (the seed's wasm run: 7.8× faster init, 2.8× slower exec).
import type { Activation, Status } from '../../types.js';
import { confidence as roundConfidence, factor, ms, round } from '../round.js';
import { compareTimes, type Comparison } from './compare.js';
import { THRESHOLDS } from './thresholds.js';

export interface PairRun {
  /** 1 or 2, in input order. */
  number: number;
  name: string;
  runtime: string;
  label: string;
  kind: string | null;
  action: string | null;
  memory_mb: number | null;
  /** Null when the record does not say (printed as —). */
  concurrency: number | null;
  cold: boolean;
  init_ms: number | null;
  wait_ms: number | null;
  duration_ms: number | null;
  exec_ms: number | null;
  total_ms: number | null;
  status: Status;
  answer: string | null;
  confidence: number | null;
}

export interface PairClaims {
  kind: 'pair';
  runs: PairRun[];
  both_cold: boolean;
  /** The action both runs executed, when the data names one and it is the same. */
  action: string | null;
  init: Comparison | null;
  wait: Comparison | null;
  duration: Comparison | null;
  exec: Comparison | null;
  total: Comparison | null;
  /** Duration and execution point opposite ways: the duration ratio hides the execution one. */
  duration_hides_exec: boolean;
  memory: MemoryClaim | null;
  prediction: PredictionClaim | null;
  /** One activation per runtime: single observations, not averages (always true here). */
  single_observation: boolean;
}

export interface MemoryClaim {
  less: { name: string; mb: number };
  more: { name: string; mb: number };
  /** more / less, 1 decimal. */
  factor: number;
  half: boolean;
  /** The run with less memory finished sooner end to end (wait + duration), beyond THRESHOLDS.same. */
  less_is_faster: boolean;
}

export interface PredictionClaim {
  same_label: boolean;
  /** |confidence #1 − confidence #2|, 4 decimals; null when either is missing. */
  confidence_difference: number | null;
  similar_confidence: boolean;
}

export function pairClaims(rows: Activation[], labelOf: (runtime: string) => string): PairClaims {
  if (rows.length !== 2) throw new Error(`pairClaims needs two activations, got ${rows.length}`);
  const runs = rows.map((row, i) => pairRun(row, i + 1, labelOf(row.runtime)));
  const [a, b] = runs;
  const compare = (pick: (run: PairRun) => number | null) =>
    compareTimes({ name: a.name, value: pick(a) }, { name: b.name, value: pick(b) });
  const duration = compare((run) => run.duration_ms);
  const exec = compare((run) => run.exec_ms);
  const total = compare((run) => run.total_ms);
  return {
    kind: 'pair',
    runs,
    both_cold: a.cold && b.cold,
    action: a.action !== null && a.action === b.action ? a.action : null,
    init: compare((run) => run.init_ms),
    wait: compare((run) => run.wait_ms),
    duration,
    exec,
    total,
    duration_hides_exec: opposite(duration, exec),
    memory: memoryClaim(a, b, total),
    prediction: predictionClaim(rows[0], rows[1]),
    single_observation: true,
  };
}

function pairRun(row: Activation, number: number, label: string): PairRun {
  return {
    number,
    name: `Run #${number}`,
    runtime: row.runtime,
    label,
    kind: row.kind,
    action: row.action,
    memory_mb: row.memory_mb,
    concurrency: row.concurrency,
    cold: row.cold,
    init_ms: ms(row.init_ms),
    wait_ms: ms(row.wait_ms),
    duration_ms: ms(row.duration_ms),
    exec_ms: ms(row.exec_ms),
    total_ms: ms(row.total_ms),
    status: row.status,
    answer: row.label,
    confidence: roundConfidence(row.confidence),
  };
}

/** Both comparisons decided (not "same") and won by different runs. */
function opposite(x: Comparison | null, y: Comparison | null): boolean {
  return x !== null && y !== null && !x.same && !y.same && x.lower.name !== y.lower.name;
}

function memoryClaim(a: PairRun, b: PairRun, total: Comparison | null): MemoryClaim | null {
  if (a.memory_mb === null || b.memory_mb === null || a.memory_mb === b.memory_mb) return null;
  const [less, more] = a.memory_mb < b.memory_mb ? [a, b] : [b, a];
  const ratio = (more.memory_mb as number) / (less.memory_mb as number);
  return {
    less: { name: less.name, mb: less.memory_mb as number },
    more: { name: more.name, mb: more.memory_mb as number },
    factor: factor(ratio),
    half: ratio === 2,
    less_is_faster: total !== null && !total.same && total.lower.name === less.name,
  };
}

function predictionClaim(a: Activation, b: Activation): PredictionClaim | null {
  if (a.label === null || b.label === null) return null;
  const difference =
    a.confidence === null || b.confidence === null ? null : round(Math.abs(a.confidence - b.confidence), 4);
  return {
    same_label: a.label === b.label,
    confidence_difference: difference,
    similar_confidence: difference !== null && difference <= THRESHOLDS.similarConfidence,
  };
}
