// Placeholder: the owner of this command replaces it.
import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerAnalyze(program: Command): void {
  program.command('analyze').description('(not implemented yet)').action(() => {
    throw new CliError('owbench analyze is not implemented yet', 1);
  });
}
