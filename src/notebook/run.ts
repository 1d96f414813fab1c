// run(experiment, overrides): an experiment on the embedded OpenWhisk (or a configured one), with
// a live progress table in the notebook, its log under build/notebooks/runs/ (the repository's
// data/ stays unchanged), and the run's activations loaded as the result.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runExperiment, type Connection, type ExperimentSpec, type Progress, type RunSummary } from '../index.js';
import { liveDisplay } from './display.js';
import { tableBundle } from './html.js';
import { unknownExperiment, NotebookError } from './messages.js';
import { dataDir, fromRoot, workDir } from './paths.js';
import { load, type Activations } from './table.js';

export interface RunResult extends Activations {
  summary: RunSummary;
}

interface Level {
  level: string;
  trials: string;
  errors: number;
  seconds: string;
  started: number;
  done: number;
  planned: number;
}

/** `experiment`: a name in data/experiments/ or a file; `overrides` replace its fields (concurrency, repetitions, …). */
export async function run(experiment: string, overrides: Partial<ExperimentSpec> = {}, connection: Connection | null = null): Promise<RunResult> {
  const file = existsSync(fromRoot(experiment)) ? fromRoot(experiment) : path.join(dataDir, 'experiments', `${experiment}.json`);
  if (!existsSync(file)) throw new NotebookError(unknownExperiment(experiment, file));
  const spec = resolvedSpec(file, overrides);
  const runs = path.join(workDir, 'runs');
  mkdirSync(runs, { recursive: true });
  const experimentFile = path.join(runs, `${spec.name}.json`);
  writeFileSync(experimentFile, `${JSON.stringify(spec, null, 2)}\n`);
  const log = path.join(runs, `${spec.name}.ndjson`);
  rmSync(log, { force: true }); // a run log is append-only: each run starts a fresh one
  const display = liveProgress();
  const summary = await runExperiment({ experiment: experimentFile, out: log, connection, progress: display.progress });
  display.finish(`${summary.logged}/${summary.planned} trials logged, ${summary.withRecord} with their activation record; ${(summary.durationMs / 1000).toFixed(1)} s`);
  return Object.assign(load(log), { summary });
}

/** The experiment with overrides, its action paths made absolute, the actions built when missing. */
function resolvedSpec(file: string, overrides: Partial<ExperimentSpec>): ExperimentSpec {
  const base = JSON.parse(readFileSync(file, 'utf8')) as Omit<ExperimentSpec, 'runtimes'> & { runtimes: Array<Record<string, unknown>> };
  // The copy is written elsewhere: every path it holds is made absolute against the original's folder.
  const here = (relative: string) => path.resolve(path.dirname(file), relative);
  const runtimes = base.runtimes.map((runtime: Record<string, unknown>) => {
    const artifact = ['code', 'executable', 'wasm'].find((key) => typeof runtime[key] === 'string');
    return artifact ? { ...runtime, [artifact]: here(String(runtime[artifact])) } : runtime;
  });
  if (typeof base.paramsFile === 'string') base.paramsFile = here(base.paramsFile);
  const missing = runtimes.some((runtime: Record<string, unknown>) => ['executable', 'wasm'].some((key) => typeof runtime[key] === 'string' && !existsSync(String(runtime[key]))));
  if (missing) execFileSync('make', ['-C', path.join(dataDir, 'actions')], { stdio: 'ignore' });
  return { ...base, name: `notebook-${base.name}`, runtimes, ...overrides } as unknown as ExperimentSpec;
}

function liveProgress(): { progress: Progress; finish(line: string): void } {
  const update = liveDisplay();
  const levels: Level[] = [];
  const messages: string[] = [];
  let last = 0;
  const redraw = (force: boolean) => {
    if (!force && performance.now() - last < 250) return;
    last = performance.now();
    for (const level of levels) level.trials = `${level.done}/${level.planned}`;
    const bundle = tableBundle(levels as unknown as Array<Record<string, unknown>>, ['level', 'trials', 'errors', 'seconds'], messages.join(' · '));
    update(bundle);
  };
  const current = () => levels[levels.length - 1];
  const progress: Progress = {
    levelStart(label, planned) {
      levels.push({ level: label, planned, done: 0, errors: 0, trials: '', seconds: '…', started: performance.now() });
      redraw(true);
    },
    answered(line) {
      const level = current();
      if (!level) return;
      level.done += 1;
      if (line.outcome !== 'ok') level.errors += 1;
      redraw(false);
    },
    levelEnd() {
      const level = current();
      if (level) level.seconds = ((performance.now() - level.started) / 1000).toFixed(1);
      redraw(true);
    },
    say(message) {
      messages.push(message);
      redraw(true);
    },
  };
  return { progress, finish: (line) => (messages.push(line), redraw(true)) };
}
