// Generated datasets with a known truth (issue 11): lognormal times per runtime, level and run,
// with an optional run effect, a true factor between runtimes, cold/warm mixes, outliers,
// failures and missing waits. Written as flat records (DESIGN.md §2.2 format 1) and read back
// through ingest, as a user's file would be.
import { mulberry32, normal, type Uniform } from '../../../src/analyze/prng.js';

export interface Shape {
  name: string;
  runtimes: number;
  levels: number[];
  /** Runs per cell; 1 writes no repetition field. */
  runs: number;
  perRun: number;
  /** Share of cold activations: 1 cold only, 0 warm only. */
  cold: number;
  /** σ of the run effect on log time; 0 for none. */
  runEffect: number;
  /** The first runtime's times are this many times the others' (1: no true difference). */
  factor: number;
  outliers?: boolean;
  failures?: boolean;
  missingWait?: boolean;
  /** Records without a concurrency level, as raw OpenWhisk records and `owbench fetch` give them. */
  noLevel?: boolean;
  seed: number;
}

const SIGMA = 0.5;

function lognormal(u: Uniform, median: number, shift: number): number {
  return Math.round(median * Math.exp(shift + SIGMA * normal(u)) * 100) / 100;
}

/** The dataset as flat records; runtime r0 is the slow one when factor > 1. */
export function records(shape: Shape): Array<Record<string, unknown>> {
  const u = mulberry32(shape.seed);
  const out: Array<Record<string, unknown>> = [];
  for (let r = 0; r < shape.runtimes; r++) {
    const runtime = `rt${r}`;
    const scale = r === 0 ? Math.log(shape.factor) : 0;
    for (const concurrency of shape.levels) {
      for (let run = 1; run <= shape.runs; run++) {
        const effect = shape.runEffect * normal(u);
        for (let i = 0; i < shape.perRun; i++) {
          const cold = u() < shape.cold;
          const shift = scale + effect;
          const init = cold ? lognormal(u, 400, shift) : null;
          const exec = lognormal(u, 200, shift);
          const outlier = shape.outliers && i === 0 && run === 1 && u() < 0.5 ? 40 : 1;
          const record: Record<string, unknown> = {
            runtime, kind: 'nodejs:20', memory: 256, ...(shape.noLevel ? {} : { concurrency }),
            waitTime: shape.missingWait && u() < 0.1 ? null : lognormal(u, 30, shift),
            initTime: init,
            duration: Math.round(((init ?? 0) + exec * outlier) * 100) / 100,
            status: shape.failures && u() < 0.05 ? 'application error' : 'success',
          };
          if (shape.runs > 1) record.repetition = run;
          out.push(record);
        }
      }
    }
  }
  return out;
}

/** Pre-aggregated rows (format 4) for `runtimes` runtimes over `levels`. */
export function aggregateRows(runtimes: number, levels: number[], seed: number): Array<Record<string, unknown>> {
  const u = mulberry32(seed);
  return Array.from({ length: runtimes }, (_, r) => levels.map((concurrency) => ({
    runtime: `rt${r}`, concurrency, count: 5,
    avg_init: lognormal(u, 400, 0), max_wait: lognormal(u, 60, 0), avg_duration: lognormal(u, 600, 0), avg_total: lognormal(u, 640, 0),
  }))).flat();
}
