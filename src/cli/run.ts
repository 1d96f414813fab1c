// Placeholder: the owner of this command replaces it.
import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerRun(program: Command): void {
  program.command('run').description('(not implemented yet)').action(() => {
    throw new CliError('owbench run is not implemented yet', 1);
  });
}
