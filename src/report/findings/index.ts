// Findings (issue 11): what a document may conclude, each with its evidence, computed once from
// the analysis. The templates write a sentence only from a finding; src/report/check/ reads them
// back against the rendered document.
import type { Analysis } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { ms } from '../round.js';
import { documentFamily, type Attainable, type Family } from './family.js';
import { questionsOf, withoutFailingWinners, withoutOneRunRecommendations, type Question } from './recommend.js';
import { scopeOf } from './words/prefer.js';

export interface UnitFinding {
  unit: 'run' | 'activation';
  field: 'repetition' | 'source' | null;
  runs_min: number;
  runs_max: number;
  min_units: number;
  /** Least measured coverage at min_units or more, in percent (1 decimal): means, medians. */
  coverage_mean: number;
  coverage_median: number;
  /** Tests in the document's one Holm family: the total-time tests (./family.ts). */
  family: number;
  /** Whether a test of this document could be significant at all, and with how many units. */
  attainable: Attainable | null;
  /** "in this run" or "across 8 runs": how far a recommendation's words may reach. */
  scope: string;
}

export interface HeavyTailFinding {
  runtime: RuntimeRef;
  concurrency: number;
  part: 'cold' | 'warm';
  few: number;
  activations: number;
  slowest_ms: number[];
  mean_ms: number;
  mean_without_ms: number;
  /** How much the few raise the mean, in percent. */
  lift_percent: number;
}

export interface Findings {
  /** null when no test was possible (pre-aggregated rows, one runtime). */
  unit: UnitFinding | null;
  questions: Question[];
  /** The single recommendation of the document's main question, if any (cold first). */
  recommended: Question['recommendation'];
  heavy_tails: HeavyTailFinding[];
}

/** The findings, and the family of tests they rest on (not in the model: its tests are the analysis' comparisons). */
export function buildFindings(analysis: Analysis, runtimes: RuntimeRef[], baseline: RuntimeRef): { findings: Findings; family: Family | null } {
  const inference = analysis.inference;
  if (!inference || !inference.comparisons.some((c) => c.metric === 'total_ms')) {
    return { findings: { unit: null, questions: [], recommended: null, heavy_tails: [] }, family: null };
  }
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const family = documentFamily(inference);
  const asked = questionsOf(family, runtimes, baseline).map((q) =>
    q.recommendation === null && family.attainable !== null && !family.attainable.reachable ? { ...q, reason: unreachable(family.attainable, family.tests.length, inference.unit) } : q);
  const questions = withoutFailingWinners(inference.unit === 'activation' ? withoutOneRunRecommendations(asked, family.tests.length) : asked, analysis.groups);
  const seen = new Set<string>();
  const heavy: HeavyTailFinding[] = [];
  for (const c of inference.comparisons) {
    if (c.metric !== 'total_ms') continue;
    for (const h of c.heavy_tails) {
      const key = `${h.runtime}\u0000${c.concurrency}\u0000${c.part}`;
      if (seen.has(key)) continue;
      seen.add(key);
      heavy.push({
        runtime: refOf(h.runtime), concurrency: c.concurrency, part: c.part, few: h.few, activations: h.activations,
        slowest_ms: h.slowest_ms.map((v) => ms(v) as number), mean_ms: ms(h.mean_ms) as number,
        mean_without_ms: ms(h.mean_without_ms) as number, lift_percent: Math.round((h.mean_ms / h.mean_without_ms - 1) * 100),
      });
    }
  }
  const runs = inference.runs_per_cell.min;
  const findings: Findings = {
    unit: {
      unit: inference.unit, field: inference.unit_field, runs_min: runs, runs_max: inference.runs_per_cell.max,
      min_units: inference.min_units, family: family.tests.length, attainable: family.attainable,
      coverage_mean: Math.round(inference.coverage.mean * 1000) / 10, coverage_median: Math.round(inference.coverage.median * 1000) / 10,
      scope: scopeOf(inference.unit, inference.runs_per_cell),
    },
    questions,
    recommended: questions.find((q) => q.recommendation !== null)?.recommendation ?? null,
    heavy_tails: heavy,
  };
  return { findings, family };
}

/** Why no recommendation when no test of this size can reach significance. */
function unreachable(a: Attainable, tests: number, unit: 'run' | 'activation'): string {
  return `no test here can be significant: its best-powered test compares ${a.n_candidate} with ${a.n_baseline} ${unit}s, whose smallest exact p is ${a.min_p}` +
    `${tests === 1 ? '' : `, and Holm's correction over the ${tests} tests of this document makes it ${a.min_p_adjusted}`}; ${a.units_needed} ${unit}s per side would be needed`;
}
