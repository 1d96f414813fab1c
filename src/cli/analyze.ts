// `owbench analyze FILES…`: ingest the files, compute the group figures and speedups of
// DESIGN.md §2.3, print them as JSON (full precision) or as a readable table.
import type { Command } from 'commander';
import { analyze, formatAnalysis } from '../analyze/index.js';
import { ingestFiles } from '../ingest/index.js';
import { printWarning, terminalText } from './terminal.js';

interface AnalyzeFlags {
  baseline?: string;
  runtime?: string;
  by?: string;
  skipInvalid?: boolean;
  json?: boolean;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('group figures (per runtime, function, memory and concurrency; cold and warm apart) and speedups over a baseline runtime')
    .argument('<files...>', 'activation data: flat records, OpenWhisk records, grouped records, aggregates, run logs, CSV')
    .option('--baseline <runtime>', 'the runtime speedups compare against (default: blackbox if present, else the first)')
    .option('--runtime <name>', 'label the files\' rows with this runtime (for data that names none; it wins over labels in the data)')
    .option('--by <keys>', 'group keys besides runtime, function, memory, concurrency (always in): repetition, action ' +
      '(exact action names instead of functions); a comma-separated list, e.g. action,repetition')
    .option('--skip-invalid', 'skip bad records with a warning instead of failing the input')
    .option('--json', 'print the analysis as JSON')
    .action((files: string[], flags: AnalyzeFlags) => {
      const table = ingestFiles(files.map((path) => ({ path, runtime: flags.runtime })), { skipInvalid: flags.skipInvalid });
      for (const warning of table.warnings) printWarning(warning);
      const analysis = analyze(table, { baseline: flags.baseline, by: flags.by });
      process.stdout.write(flags.json ? `${JSON.stringify(analysis, null, 2)}\n` : terminalText(formatAnalysis(analysis)));
    });
}
