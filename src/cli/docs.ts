// Placeholder: the owner of this command replaces it.
import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerDocs(program: Command): void {
  program.command('docs').description('(not implemented yet)').action(() => {
    throw new CliError('owbench docs is not implemented yet', 1);
  });
}
