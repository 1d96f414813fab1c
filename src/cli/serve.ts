// Placeholder: the owner of this command replaces it.
import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerServe(program: Command): void {
  program.command('serve').description('(not implemented yet)').action(() => {
    throw new CliError('owbench serve is not implemented yet', 1);
  });
}
