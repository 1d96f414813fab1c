// The statistics table's rows from the comparisons at the experimental unit (issue 11): one row
// per level, part (cold, warm) and figure, each with its interval. Only the mean total time
// carries a test (the document's one family, ./family.ts); init, execution and the median are
// shown with their intervals and marked "not tested". Rounded for display.
import type { Interval, UnitComparison, UnitInference } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { factor, round, sameFactor } from '../round.js';
import type { StatisticsRow, TestVerdict } from '../statistics.js';
import { magnitudeOf } from '../../analyze/rank-test.js';
import { smallestP, testOf, type Family } from './family.js';
import { isRelevant } from './words/faster.js';
import { isSignificant } from './words/significant.js';

const FIGURES = [
  { metric: 'init_ms', statistic: 'mean', figure: 'avg_init', name: (part: string) => `Init, ${part} (mean)` },
  { metric: 'exec_ms', statistic: 'mean', figure: 'avg_exec', name: (part: string) => `Execution, ${part} (mean)` },
  { metric: 'total_ms', statistic: 'mean', figure: 'avg_total', name: (part: string) => `Total, wait + duration, ${part} (mean)` },
  // Not "Total, …": the row is no test of its own (the test compares the runs' means).
  { metric: 'total_ms', statistic: 'median', figure: 'p50_total', name: (part: string) => `Median total, ${part}` },
] as const;

export function unitRows(inference: UnitInference, family: Family, refOf: (id: string) => RuntimeRef): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  for (const c of inference.comparisons) {
    for (const f of FIGURES.filter((x) => x.metric === c.metric)) {
      const ratio = f.statistic === 'mean' ? c.mean_ratio : c.median_ratio;
      if (!Number.isFinite(ratio) || ratio <= 0) continue;
      const ci = f.statistic === 'mean' ? c.mean_ci : c.median_ci;
      const test = f.metric === 'total_ms' && f.statistic === 'mean' ? testOf(family, c) : null;
      rows.push(rowOf(c, ratio, ci, f.name(c.part), f.figure, test, refOf));
    }
  }
  return rows;
}

function rowOf(c: UnitComparison, ratio: number, ci: Interval | null, component: string, metric: StatisticsRow['metric'], test: UnitComparison | null, refOf: (id: string) => RuntimeRef): StatisticsRow {
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
    direction: !isRelevant(raw) ? 'same' : faster ? 'faster' : 'slower',
    factor: isRelevant(raw) ? factor(raw) : sameFactor(raw),
    // An interval that rounds to one value would read as "2.5–2.5×": shown as none.
    ci: shown !== null && shown.low !== shown.high ? shown : null,
    ci_excludes_one: ci !== null && (ci[0] > 1 || ci[1] < 1),
    test: test === null ? null : {
      p: round(test.p_adjusted, 4),
      significant: isSignificant(test),
      cliffs_delta: round(test.cliffs_delta, 2),
      magnitude: magnitudeOf(test.cliffs_delta),
      n_baseline: test.n_baseline,
      n_candidate: test.n_candidate,
      powerless: smallestP(test) >= 0.05,
      unit: test.unit,
      method: test.method,
    },
  };
}

/** The total-time tests of one candidate: significant at every level (every part there, one direction), and where. */
export function unitVerdict(family: Family, candidate: string): TestVerdict {
  const tests = family.tests.filter((c) => c.candidate === candidate);
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

/** Init and execution are described, not tested (./family.ts). */
export const UNTESTED: TestVerdict = { tested: false, everywhere: false, levels: [], best_p: null };
