// `owbench run EXPERIMENT.json` and `owbench run --resume LOG`: drive the experiment against the
// configured OpenWhisk (flags, __OW_* variables, ~/.wskprops) or the embedded one, then render the
// run's report unless --no-report. Progress goes to stderr, the summary to stdout.
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { commandLineKey } from './auth.js';
import { resolveConnection } from '../openwhisk/connection.js';
import { progressFor, type Progress } from '../openwhisk/progress.js';
import { runExperiment, type RunSummary } from '../openwhisk/runner.js';
import { runLogDataset, runNotesFor } from '../openwhisk/datasets.js';
import { withRunNotes } from '../openwhisk/notes.js';
import { checkOutputFile, renderDocumentOutput, writeDocumentOutput } from './document.js';
import { composeDocument } from './report.js';
import { printWarning, terminalLine, terminalText } from './terminal.js';

interface RunFlags {
  out?: string;
  resume?: string;
  apihost?: string;
  auth?: string;
  authFile?: string;
  namespace?: string;
  /** A file, false for --no-report, or true (the default: docs/<log name>.md for a log under data/runs/). */
  report: string | boolean;
  quiet?: boolean;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run an experiment on OpenWhisk (the embedded one when none is configured) and record every invocation')
    .argument('[experiment]', 'the experiment file (data/experiments/*.json)')
    .option('--out <file>', 'the run log to write (default data/runs/<name>-<UTC time>.ndjson)')
    .option('--resume <log>', 'finish an interrupted run from its log')
    .option('--apihost <url>', 'OpenWhisk API host (else __OW_API_HOST, else APIHOST in ~/.wskprops)')
    .option('--auth-file <file>', 'a file holding the OpenWhisk auth key UUID:KEY (else __OW_API_KEY, else AUTH in ~/.wskprops)')
    .option('--auth <uuid:key>', 'the auth key on the command line: visible in the process list, so warned about; prefer --auth-file')
    .option('--namespace <ns>', 'OpenWhisk namespace (else __OW_NAMESPACE, else NAMESPACE, else _)')
    .option('--report <file>', 'where the report of the run goes (default docs/<log name>.md when the log is under data/runs/; none for a log elsewhere)')
    .option('--no-report', 'do not render a report')
    .option('--quiet', 'no progress output')
    .action(async (experiment: string | undefined, flags: RunFlags) => {
      if (experiment && flags.resume) throw new UsageError('run: give an experiment file or --resume LOG, not both');
      if (!experiment && !flags.resume) throw new UsageError('run: give an experiment file (e.g. data/experiments/demo.json) or --resume LOG');
      if (flags.resume && flags.out) throw new UsageError('run: --resume appends to its log; --out does not apply');
      if (typeof flags.report === 'string') checkOutputFile('--report', flags.report);
      const key = commandLineKey(flags);
      const connection = resolveConnection({ flags: { apihost: flags.apihost, auth: key?.key, authFrom: key?.from, namespace: flags.namespace } });
      const progress = escapedProgress(progressFor(process.stderr, Boolean(flags.quiet)));
      const summary = await runExperiment({ experiment, resume: flags.resume, out: flags.out, connection, progress });
      const report = reportFileOf(flags.report, summary.log);
      if (report) await writeRunReport(summary.log, report);
      process.stdout.write(terminalText(formatSummary(summary, report)));
    });
}

/** Runtime names and paths from the experiment reach the terminal escaped (the bar's own codes stay). */
function escapedProgress(progress: Progress): Progress {
  return {
    levelStart: (label, planned) => progress.levelStart(terminalLine(label), planned),
    answered: (line) => progress.answered(line),
    levelEnd: () => progress.levelEnd(),
    say: (message) => progress.say(terminalLine(message)),
  };
}

/**
 * Where the run's document goes: --report FILE; by default docs/<log name>.md, but only for a log
 * in the project's data/runs/ (a log written elsewhere with --out does not drop a document here).
 */
export function reportFileOf(report: string | boolean, log: string): string | null {
  if (typeof report === 'string') return report;
  if (report === false) return null;
  const runs = path.resolve('data', 'runs');
  return path.dirname(path.resolve(log)) === runs ? path.join('docs', `${path.basename(log, '.ndjson')}.md`) : null;
}

/** The run's document, exactly as `owbench docs` renders a run log (title, figures, run notes). */
export async function writeRunReport(log: string, report: string): Promise<void> {
  const dataset = runLogDataset(log);
  const { model, markdown, warnings } = composeDocument({
    inputs: dataset.inputs,
    root: process.cwd(),
    title: dataset.title,
    figures: { document: report },
  });
  for (const warning of warnings) printWarning(warning);
  const notes = runNotesFor(dataset);
  writeDocumentOutput(await renderDocumentOutput(model, notes ? withRunNotes(markdown, notes) : markdown, report));
}

export function formatSummary(summary: RunSummary, report: string | null): string {
  const o = summary.outcomes;
  const lines = [
    `run ${summary.runId} on ${summary.embedded ? 'the embedded OpenWhisk' : summary.apihost}: ${summary.logged}/${summary.planned} planned trials logged, ${summary.withRecord} with their activation record`,
    `outcomes: ok ${o.ok}, error ${o.error}, throttled ${o.throttled}, timeout ${o.timeout}, lost ${o.lost}`,
    `throttling: ${summary.retried} trials backed off, ${(summary.backoffMs / 1000).toFixed(1)} s in total`,
    `cold starts: ${summary.plannedCold} planned, ${summary.coldImpure} of them ran warm (impure)`,
  ];
  for (const [runtime, figures] of Object.entries(summary.perRuntime)) {
    const ms = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} ms`);
    lines.push(`${runtime}: ${figures.trials} trials, ${figures.cold} cold; mean init ${ms(figures.avgInitMs)}, exec ${ms(figures.avgExecMs)}, wait+duration ${ms(figures.avgTotalMs)}`);
  }
  lines.push(`log: ${summary.log}`);
  if (report) lines.push(`report: ${report}`);
  lines.push(`took ${(summary.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n') + '\n';
}
