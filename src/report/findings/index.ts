// Findings (issue 11): what a document may conclude, each with its evidence, computed once from
// the analysis. The templates write a sentence only from a finding; src/report/check/ reads them
// back against the rendered document.
import type { Analysis } from '../../types.js';
import type { RuntimeRef } from '../claims/levels.js';
import { ms } from '../round.js';
import { questionsOf, type Question } from './recommend.js';

export interface UnitFinding {
  unit: 'run' | 'activation';
  field: 'repetition' | 'source' | null;
  runs_min: number;
  runs_max: number;
  min_units: number;
  /** Least measured coverage at min_units or more, in percent (1 decimal): means, medians. */
  coverage_mean: number;
  coverage_median: number;
  family: number;
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

export function buildFindings(analysis: Analysis, runtimes: RuntimeRef[], baseline: RuntimeRef): Findings {
  const inference = analysis.inference;
  if (!inference || inference.comparisons.length === 0) return { unit: null, questions: [], recommended: null, heavy_tails: [] };
  const refOf = (id: string) => runtimes.find((r) => r.id === id) ?? { id, label: id };
  const questions = questionsOf(inference, runtimes, baseline);
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
  return {
    unit: {
      unit: inference.unit, field: inference.unit_field, runs_min: runs, runs_max: inference.runs_per_cell.max,
      min_units: inference.min_units, family: inference.family,
      coverage_mean: Math.round(inference.coverage.mean * 1000) / 10, coverage_median: Math.round(inference.coverage.median * 1000) / 10,
      scope: inference.unit === 'run' ? `across ${runs === inference.runs_per_cell.max ? runs : `${runs} to ${inference.runs_per_cell.max}`} runs` : 'in this run',
    },
    questions,
    recommended: questions.find((q) => q.recommendation !== null)?.recommendation ?? null,
    heavy_tails: heavy,
  };
}
