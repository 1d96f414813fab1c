#!/usr/bin/env node
// The `owbench` command: parses arguments, composes the stages, prints errors. Each subcommand
// lives in src/cli/<name>.ts and only composes library calls.
import { Command, CommanderError } from 'commander';
import { CliError } from './errors.js';
import { version } from './version.js';
import { registerAnalyze } from './cli/analyze.js';
import { registerReport } from './cli/report.js';
import { registerDocs } from './cli/docs.js';
import { registerServe } from './cli/serve.js';
import { registerRun } from './cli/run.js';
import { registerFetch } from './cli/fetch.js';
import { printError, terminalText } from './cli/terminal.js';

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

for (const register of [registerAnalyze, registerReport, registerDocs, registerServe, registerRun, registerFetch]) {
  register(program);
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
