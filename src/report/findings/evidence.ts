// The statistics table's rows from the comparisons at the experimental unit (issue 11): one row
// per level, part (cold, warm) and figure, each with its interval and the test behind it, and
// what the rank tests let a document say about each candidate. Rounded for display.
import type { Interval, UnitComparison, UnitInference } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { THRESHOLDS } from '../claims/thresholds.js';
import { factor, round } from '../round.js';
import type { StatisticsRow, TestVerdict } from '../statistics.js';
import { magnitudeOf } from '../../analyze/rank-test.js';
import { isSignificant } from './words/significant.js';

const FIGURES = [
  { metric: 'init_ms', statistic: 'mean', figure: 'avg_init', name: 'Init' },
  { metric: 'exec_ms', statistic: 'mean', figure: 'avg_exec', name: 'Execution' },
  { metric: 'total_ms', statistic: 'mean', figure: 'avg_total', name: 'Total, wait + duration' },
  { metric: 'total_ms', statistic: 'median', figure: 'p50_total', name: 'Total' },
] as const;

export function unitRows(inference: UnitInference, refOf: (id: string) => RuntimeRef): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  for (const c of inference.comparisons) {
    for (const f of FIGURES.filter((x) => x.metric === c.metric)) {
      const ratio = f.statistic === 'mean' ? c.mean_ratio : c.median_ratio;
      if (!Number.isFinite(ratio) || ratio <= 0) continue;
      const ci = f.statistic === 'mean' ? c.mean_ci : c.median_ci;
      rows.push(rowOf(c, ratio, ci, `${f.name}, ${c.part} (${f.statistic})`, f.figure, refOf));
    }
  }
  return rows;
}

function rowOf(c: UnitComparison, ratio: number, ci: Interval | null, component: string, metric: StatisticsRow['metric'], refOf: (id: string) => RuntimeRef): StatisticsRow {
  const faster = ratio >= 1;
  const raw = faster ? ratio : 1 / ratio;
  const shown = ci === null ? null : faster ? { low: factor(ci[0]), high: factor(ci[1]) } : { low: factor(1 / ci[1]), high: factor(1 / ci[0]) };
  return {
    candidate: refOf(c.candidate),
    baseline: refOf(c.baseline),
    concurrency: c.concurrency,
    metric,
    component,
    part: c.part,
    direction: raw < THRESHOLDS.same ? 'same' : faster ? 'faster' : 'slower',
    factor: factor(raw),
    // An interval that rounds to one value would read as "2.5–2.5×": shown as none.
    ci: shown !== null && shown.low !== shown.high ? shown : null,
    ci_excludes_one: ci !== null && (ci[0] > 1 || ci[1] < 1),
    test: {
      p: round(c.p_adjusted, 4),
      significant: isSignificant(c),
      cliffs_delta: round(c.cliffs_delta, 2),
      magnitude: magnitudeOf(c.cliffs_delta),
      n_baseline: c.n_baseline,
      n_candidate: c.n_candidate,
      powerless: c.method === 'exact permutation' && 2 / choose(c.n_baseline + c.n_candidate, c.n_baseline) >= 0.05,
      unit: c.unit,
      method: c.method,
    },
  };
}

/** Per tested column: significant at every level (every part there, one direction), and where. */
export function unitVerdict(inference: UnitInference, candidate: string, metric: UnitComparison['metric']): TestVerdict {
  const tests = inference.comparisons.filter((c) => c.candidate === candidate && c.metric === metric);
  const levels = [...new Set(tests.map((t) => t.concurrency))].sort((a, b) => a - b);
  const holding = levels.filter((l) => tests.filter((t) => t.concurrency === l).every(isSignificant));
  const directions = new Set(tests.filter(isSignificant).map((t) => t.mean_ratio >= 1));
  return {
    tested: tests.length > 0,
    everywhere: tests.length > 0 && holding.length === levels.length && directions.size === 1,
    levels: holding,
    best_p: tests.length === 0 ? null : round(Math.min(...tests.map((t) => t.p_adjusted)), 4),
  };
}

function choose(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
