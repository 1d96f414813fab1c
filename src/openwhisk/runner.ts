// runExperiment: the whole run, new or resumed. Plan the batches, skip what the log already holds,
// make each remaining batch cold (or warm) by the experiment's method, run it, log it. A resumed
// run replays the log first: trials with records are done, trials without one get it fetched,
// trials missing from the batch that was running when the driver died are looked up before
// anything is invoked again (real deployments only; see batch.ts for the embedded server).
import { machineInfo } from './machine.js';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { LocalWhiskConfig } from '../local/config.js';
import { CliError, InputError, UsageError } from '../errors.js';
import { version } from '../version.js';
import { runBatch, type BatchContext } from './batch.js';
import { connect, getAction, reachServer, serverInfo, type Whisk } from './client.js';
import { deploymentInfo } from './deployment.js';
import type { Connection } from './connection.js';
import { cleanUp, deploy, prepareBatch } from './prepare.js';
import { embeddedImages, loadArtifacts, sharedActionName, trialActionName, type Artifact } from './deploy.js';
import { experimentFromSpec, loadExperiment, type Experiment } from './experiment.js';
import { planBatches, type Batch, type PlannedTrial } from './plan.js';
import { silentProgress, type Progress } from './progress.js';
import { adoptOrphans, fetchMissingRecords, retryableLostTrials } from './resume.js';
import { readRunLog, RunLogWriter, type RunHeader, type RunLogState } from './runlog.js';
import { summarize, type RunSummary } from './summary.js';
import { configuredTarget, startEmbedded, type OpenTarget } from './target.js';

export interface RunOptions {
  /** The experiment file of a new run. */
  experiment?: string;
  /** The run log of a run to resume. */
  resume?: string;
  /** Where a new run's log goes (default data/runs/<name>-<UTC stamp>.ndjson). */
  out?: string;
  /** A configured OpenWhisk, or null/undefined for the embedded one. */
  connection?: Connection | null;
  /** Extra configuration of the embedded server (its fault injection, pool size). */
  embeddedConfig?: LocalWhiskConfig;
  progress?: Progress;
  /** How long a lookup waits for an unanswered invocation's record to appear. */
  settleMs?: number;
  /** How long a record fetch polls while the store answers 404. */
  recordBudgetMs?: number;
}

export type { RunSummary } from './summary.js';

export async function runExperiment(options: RunOptions): Promise<RunSummary> {
  const began = Date.now();
  const progress = options.progress ?? silentProgress;
  const state = options.resume ? await readRunLog(options.resume) : null;
  if (!state && !options.experiment) throw new UsageError('give an experiment file, or --resume LOG');
  const experiment = state
    ? experimentFromSpec(state.header.experiment, state.header.experiment_file)
    : loadExperiment(options.experiment!);
  const embedded = state ? state.header.target.embedded : !options.connection;
  const file = options.resume ?? options.out ?? defaultLogPath(experiment.spec.name);
  if (!state && existsSync(file)) throw new UsageError(`${file}: a run log is already there; choose another --out, or finish that run with --resume ${file}`);
  if (embedded) {
    experiment.spec.runtimes.forEach((runtime, index) => {
      if (runtime.action !== undefined) {
        throw new InputError(experiment.file, `runtimes[${index}].action`, 'an existing action needs a real deployment (--apihost/--auth, __OW_* or ~/.wskprops); the embedded OpenWhisk starts empty');
      }
    });
  }
  if (state && !embedded) checkSameTarget(options.resume!, state.header, options.connection ?? null);
  const open: OpenTarget = embedded
    ? await startEmbedded(embeddedImages(experiment), options.embeddedConfig)
    : configuredTarget(options.connection!);
  if (embedded && state && options.connection) progress.say('the run targeted the embedded OpenWhisk: resuming it there, not on the configured one');
  if (embedded) progress.say(`${state ? 'started' : 'no OpenWhisk configured: started'} the embedded OpenWhisk at ${open.target.apihost}`);
  if (open.isolation) progress.say(open.isolation);
  else progress.say(`OpenWhisk at ${open.connection.apihost} (host from ${open.connection.from.apihost}, key from ${open.connection.from.auth})`);
  try {
    const whisk = connect(open.connection);
    if (!embedded) await reachServer(whisk);
    const artifacts = loadArtifacts(experiment, embedded);
    const header = state ? state.header : await newHeader(experiment, artifacts, open, whisk);
    if (state) checkArtifacts(options.resume!, header, artifacts);
    const writer = state ? await RunLogWriter.reopen(file, state.validBytes, state.needsNewline) : await RunLogWriter.create(file, header);
    if (!state) progress.say(`run ${header.id}: logging to ${file}`);
    else progress.say(`resuming run ${header.id}: ${state.trials.size} of ${planBatches(experiment.spec).reduce((sum, batch) => sum + batch.trials.length, 0)} planned trials are in ${file}${state.torn ? ' (a torn last line is dropped)' : ''}`);
    try {
      await drive({ whisk, experiment, header, artifacts, writer, state, embedded, progress, options });
    } catch (error) {
      // A new run that failed before its first trial was logged leaves no header-only log behind.
      if (!state && writer.appended === 1) await writer.discard();
      throw error;
    } finally {
      await writer.close();
    }
    return summarize(file, await readRunLog(file), planBatches(experiment.spec), Date.now() - began);
  } finally {
    await open.close();
  }
}

export interface Drive {
  whisk: Whisk;
  experiment: Experiment;
  header: RunHeader;
  artifacts: Map<string, Artifact>;
  writer: RunLogWriter;
  state: RunLogState | null;
  embedded: boolean;
  progress: Progress;
  options: RunOptions;
}

async function drive(run: Drive): Promise<void> {
  const { whisk, experiment, header, writer, state, progress } = run;
  const spec = experiment.spec;
  const bodies = await actionBodies(whisk, run.artifacts, spec.cold);
  const claimed = new Set<string>(state ? [...state.trials.values()].flatMap((line) => (line.activation_id ? [line.activation_id] : [])) : []);
  if (state && !run.embedded) {
    await fetchMissingRecords(run, state, claimed);
    const retry = await retryableLostTrials(run, state, claimed);
    for (const trial of retry) state.trials.delete(trial);
    if (retry.length) progress.say(`${retry.length} lost trial${retry.length > 1 ? 's' : ''} ran nothing on the server (fresh actions): sending again`);
  }
  if (spec.cold === 'none' || spec.cold === 'wait') {
    for (const runtime of spec.runtimes) {
      const body = bodies.get(runtime.name);
      if (body) await deploy(whisk, sharedActionName(header.id, runtime), body);
    }
  }
  const context: BatchContext = {
    whisk,
    settings: { whisk, params: experiment.params, retry: spec.retry, timeoutMs: spec.timeoutMs },
    writer,
    logPolicy: run.embedded ? 'per-batch' : 'per-answer',
    claimed,
    settleMs: run.options.settleMs ?? 15000,
    recordBudgetMs: run.options.recordBudgetMs ?? 30000,
    skewMs: run.embedded ? 0 : 5000,
    arrivals: spec.arrivalRate === undefined ? undefined : { rate: spec.arrivalRate, process: spec.arrivals ?? 'fixed', seed: spec.seed ?? 0 },
    onAnswer: (line) => progress.answered(line),
  };
  let lookForOrphans = Boolean(state) && !run.embedded;
  for (const group of levelGroups(planBatches(spec), spec.order)) {
    const waiting = group.batches.map((batch) => ({ batch, missing: batch.trials.filter((trial) => !state?.trials.has(trial.trial)) }));
    const total = waiting.reduce((sum, entry) => sum + entry.missing.length, 0);
    if (!total) continue;
    progress.levelStart(group.label, total);
    try {
      for (const { batch, missing: notLogged } of waiting) {
        if (!notLogged.length) continue;
        const runtime = spec.runtimes.find((candidate) => candidate.name === batch.runtime)!;
        const actionOf = (trial: PlannedTrial) => trialActionName(header.id, runtime, trial, spec.cold);
        let missing = notLogged;
        if (lookForOrphans) {
          const adopted = await adoptOrphans(run, missing, actionOf, claimed);
          for (const line of adopted) progress.answered(line);
          missing = missing.filter((trial) => !adopted.some((line) => line.trial === trial.trial));
        }
        lookForOrphans = false;
        if (!missing.length) continue;
        const actions = missing.map(actionOf);
        const prepared = await prepareBatch(whisk, spec, actions, bodies.get(runtime.name) ?? null, experiment.params, progress.say.bind(progress));
        for (const id of prepared.warmupIds) claimed.add(id);
        await runBatch(context, missing, actions, spec.cold !== 'none');
        await cleanUp(whisk, spec, actions);
      }
    } finally {
      progress.levelEnd();
    }
  }
}

/** The PUT body per runtime; an existing action is copied (fresh-action, update) from its own definition. */
async function actionBodies(whisk: Whisk, artifacts: Map<string, Artifact>, cold: string): Promise<Map<string, Record<string, unknown>>> {
  const bodies = new Map<string, Record<string, unknown>>();
  for (const [name, artifact] of artifacts) {
    if (artifact.body) bodies.set(name, artifact.body);
    else if (cold === 'fresh-action' || cold === 'update') {
      const existing = await getAction(whisk, artifact.runtime.action!);
      const limits = { ...((existing.limits as Record<string, unknown> | undefined) ?? {}), memory: artifact.runtime.memory };
      bodies.set(name, { exec: existing.exec, limits, parameters: existing.parameters ?? [] });
    }
  }
  return bodies;
}

/** Consecutive batches of one level (and, in sequential order, one runtime): a progress bar each. */
export function levelGroups(batches: Batch[], order: 'interleaved' | 'sequential'): { label: string; batches: Batch[] }[] {
  const groups: { label: string; batches: Batch[] }[] = [];
  for (const batch of batches) {
    const label = order === 'sequential' ? `${batch.runtime} c=${batch.concurrency}` : `concurrency ${batch.concurrency}`;
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.batches.push(batch);
    else groups.push({ label, batches: [batch] });
  }
  return groups;
}

async function newHeader(experiment: Experiment, artifacts: Map<string, Artifact>, open: OpenTarget, whisk: Whisk): Promise<RunHeader> {
  const hashes: Record<string, string> = {};
  for (const [name, artifact] of artifacts) if (artifact.sha256) hashes[name] = artifact.sha256;
  return {
    type: 'run',
    version: 1,
    id: randomUUID().replace(/-/g, ''),
    experiment: experiment.spec,
    experiment_file: experiment.file,
    target: open.target,
    machine: machineInfo(),
    tool: { owbench: version, openwhisk: clientVersion(), node: process.version },
    server: await serverInfo(whisk),
    deployment: await deploymentInfo(whisk),
    artifacts: hashes,
    started: new Date().toISOString(),
  };
}

function clientVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('openwhisk/package.json') as { version: string }).version;
}

function defaultLogPath(name: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return path.join('data', 'runs', `${name}-${stamp}.ndjson`);
}

function checkSameTarget(log: string, header: RunHeader, connection: Connection | null): void {
  if (!connection) throw new UsageError(`${log}: the run targeted ${header.target.apihost}; configure its connection (--apihost/--auth, __OW_* or ~/.wskprops) to resume it`);
  if (connection.apihost !== header.target.apihost) {
    throw new UsageError(`${log}: the run targeted ${header.target.apihost}, but the connection is ${connection.apihost}`);
  }
}

function checkArtifacts(log: string, header: RunHeader, artifacts: Map<string, Artifact>): void {
  for (const [name, artifact] of artifacts) {
    const before = header.artifacts?.[name];
    if (before && artifact.sha256 && before !== artifact.sha256) {
      throw new CliError(`${log}: runtime ${name}: its file changed since the run started; resuming would mix two versions`, 2);
    }
  }
}
