// The auth key from where only its owner can read it: a file (--auth-file), the environment
// (__OW_API_KEY), or AUTH in ~/.wskprops. --auth still works but warns: its value is in the
// process list (/proc/PID/cmdline), readable by every local user and every action the server runs.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import * as msg from './messages.js';
import { printError } from './terminal.js';

export interface AuthFlags {
  auth?: string;
  authFile?: string;
}

/** The key the command line gives (--auth-file, or --auth with a warning), with where it came from. */
export function commandLineKey(flags: AuthFlags): { key: string; from: string } | undefined {
  if (flags.auth !== undefined && flags.authFile !== undefined) throw new UsageError(msg.authTwice());
  if (flags.authFile !== undefined) return { key: readAuthFile(flags.authFile), from: `--auth-file ${flags.authFile}` };
  if (flags.auth === undefined) return undefined;
  printError(msg.authOnCommandLine());
  return { key: flags.auth, from: 'command line' };
}

/** One line UUID:KEY (as `wsk property get --auth` prints it); the message never quotes the content. */
export function readAuthFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(msg.authFileUnreadable(file, (error as NodeJS.ErrnoException).code ?? 'unreadable'));
  }
  const key = text.trim();
  if (!/^[^:\s]+:\S+$/.test(key)) throw new UsageError(msg.authFileMalformed(file));
  return key;
}
