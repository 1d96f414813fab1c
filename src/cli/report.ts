// Placeholder: the owner of this command replaces it.
import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerReport(program: Command): void {
  program.command('report').description('(not implemented yet)').action(() => {
    throw new CliError('owbench report is not implemented yet', 1);
  });
}
