// Errors a user can cause carry an exit status and a message that names the file and the place.
// The CLI prints `message` alone (no stack) and exits with `exitCode`. Errors only a bug can
// cause are plain `Error`s and keep their stack.

export class CliError extends Error {
  /** The lines the CLI prints, one `owbench: ` line each: a message is one line unless it lists several problems. */
  readonly lines: readonly string[];

  constructor(message: string | readonly string[], readonly exitCode = 2) {
    super(typeof message === 'string' ? message : message.join('\n'));
    this.name = 'CliError';
    this.lines = typeof message === 'string' ? [message] : message;
  }
}

/**
 * Bad input: `file` is the path as the user gave it, `place` a line ("line 12"), a record index
 * ("record 3") or a field path ("[2].annotations[1].value"), `problem` what was wrong and what was
 * expected.
 */
export class InputError extends CliError {
  constructor(readonly file: string, readonly place: string | null, readonly problem: string) {
    super(place ? `${file}: ${place}: ${problem}` : `${file}: ${problem}`, 2);
    this.name = 'InputError';
  }
}

/** A user's usage mistake on the command line (unknown runtime, missing flag, ...). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Why a file could not be read, in words: "no such file", "is a directory: expected WHAT", else the code. */
export function unreadable(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no such file: expected ${what}`;
  if (code === 'EISDIR') return `is a directory: expected ${what}`;
  return `cannot read ${what}${code ? ` (${code})` : ''}`;
}
