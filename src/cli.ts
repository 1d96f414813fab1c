#!/usr/bin/env node
// The `owbench` command: parses arguments, composes the stages, prints errors. Each subcommand
// lives in src/cli/<name>.ts and only composes library calls.
import { Command, CommanderError } from 'commander';
import { CliError } from './errors.js';
import { version } from './version.js';
import { printError, terminalText } from './cli/terminal.js';

type Register = (program: Command) => void;
/**
 * Each subcommand's module, loaded only when it runs: `owbench analyze` does not load the
 * server, the driver or the report stage (a third of a second of module loading here).
 */
const SUBCOMMANDS: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./cli/analyze.js')).registerAnalyze,
  report: async () => (await import('./cli/report.js')).registerReport,
  docs: async () => (await import('./cli/docs.js')).registerDocs,
  serve: async () => (await import('./cli/serve.js')).registerServe,
  run: async () => (await import('./cli/run.js')).registerRun,
  fetch: async () => (await import('./cli/fetch.js')).registerFetch,
};

// `owbench report --json-model | head`: the reader has gone, so stop quietly, as cat does.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('owbench')
  .description('Measure serverless cold starts on Apache OpenWhisk and write the analysis up.')
  .version(version)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(terminalText(text)) });

// The named subcommand alone; every one (in this order) for help, a version or an unknown name.
const named = SUBCOMMANDS[process.argv[2] ?? ''];
for (const load of named ? [named] : Object.values(SUBCOMMANDS)) {
  (await load())(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeOf(error);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander has already printed its own message otherwise.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CliError) {
    for (const line of error.lines) printError(line);
    return error.exitCode;
  }
  throw error;
}
