// `owbench fetch --out FILE.ndjson` and `owbench fetch --resume FILE.ndjson.partial`: pull a
// deployment's activation records (connection as for `owbench run`: flags, __OW_* variables,
// ~/.wskprops). A bar on a terminal, one summary line on stdout, the key nowhere.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { resolveConnection } from '../openwhisk/connection.js';
import { partialPathFor } from '../openwhisk/fetch-file.js';
import { fetchMessages as msg } from '../openwhisk/fetch-messages.js';
import { fetchProgressFor } from '../openwhisk/fetch-progress.js';
import { describeWindow } from '../openwhisk/fetch-window.js';
import { pullActivations, type FetchSummary } from '../openwhisk/fetch.js';
import { commandLineKey } from './auth.js';

interface FetchFlags {
  out?: string;
  resume?: string;
  name?: string;
  since?: string;
  upto?: string;
  limit?: string;
  settle?: string;
  apihost?: string;
  auth?: string;
  authFile?: string;
  namespace?: string;
  quiet?: boolean;
}

export function registerFetch(program: Command): void {
  program
    .command('fetch')
    .description('pull activation records from an OpenWhisk deployment into an NDJSON file (an ordinary owbench input)')
    .option('--out <file>', 'the NDJSON file to write (written whole, through a temp file and a rename)')
    .option('--resume <file>', 'finish an interrupted pull from the <out>.partial file it left')
    .option('--name <action>', 'only this action (ACTION or PACKAGE/ACTION)')
    .option('--since <time>', 'activations that started at or after this (epoch ms or ISO 8601; default: the oldest)')
    .option('--upto <time>', 'activations that started at or before this (epoch ms or ISO 8601; at most and by default: now)')
    .option('--limit <n>', 'at most this many activations, the newest first')
    .option('--settle <ms>', 'how long after --upto records may still be stored (default 2000)')
    .option('--apihost <url>', 'OpenWhisk API host (else __OW_API_HOST, else APIHOST in ~/.wskprops)')
    .option('--auth-file <file>', 'a file holding the OpenWhisk auth key UUID:KEY (else __OW_API_KEY, else AUTH in ~/.wskprops)')
    .option('--auth <uuid:key>', 'the auth key on the command line: visible in the process list, so warned about; prefer --auth-file')
    .option('--namespace <ns>', 'OpenWhisk namespace (else __OW_NAMESPACE, else NAMESPACE, else _)')
    .option('--quiet', 'no progress bar')
    .action(async (flags: FetchFlags) => {
      const limit = flags.limit === undefined ? undefined : wholeNumber(flags.limit, msg.badLimit(flags.limit), 1);
      const settleMs = flags.settle === undefined ? undefined : wholeNumber(flags.settle, msg.badSettle(flags.settle), 0);
      const key = commandLineKey(flags);
      const connection = resolveConnection({ flags: { apihost: flags.apihost, auth: key?.key, authFrom: key?.from, namespace: flags.namespace } });
      if (!connection) throw new UsageError(msg.noConnection);
      const partial = flags.resume ?? (flags.out ? partialPathFor(flags.out) : null);
      // Ctrl-C leaves the pages already on disk in the partial file: say how to go on.
      const onInterrupt = () => {
        const hint = partial && existsSync(partial) ? `; what was fetched is in ${partial}: finish with owbench fetch --resume ${partial}` : '';
        process.stderr.write(`\nowbench: fetch interrupted${hint}\n`);
        process.exit(130);
      };
      process.once('SIGINT', onInterrupt);
      try {
        const summary = await pullActivations({
          connection,
          out: flags.out,
          resume: flags.resume,
          name: flags.name,
          since: flags.since,
          upto: flags.upto,
          limit,
          settleMs,
          progress: fetchProgressFor(process.stderr, Boolean(flags.quiet)),
        });
        process.stdout.write(formatFetchSummary(summary));
      } finally {
        process.off('SIGINT', onInterrupt);
      }
    });
}

export function formatFetchSummary(summary: FetchSummary): string {
  const parts = [`fetched ${summary.activations} activations (${describeWindow(summary.window)}) from ${summary.apihost} into ${summary.out} in ${(summary.durationMs / 1000).toFixed(1)} s`];
  if (summary.resumed) parts.push(`${summary.resumed} of them from the interrupted pull`);
  if (summary.foundByCheck) parts.push(`${summary.foundByCheck} stored late and found by the final check`);
  if (summary.retries) parts.push(`${summary.retries} requests retried`);
  if (summary.limited) parts.push('stopped at --limit');
  if (summary.serverCount !== null && summary.serverCount > summary.activations) {
    parts.push(`the server now counts ${summary.serverCount} in the window: ${summary.serverCount - summary.activations} were still being stored`);
  }
  return parts.join('; ') + '\n';
}

function wholeNumber(text: string, message: string, min: number): number {
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(Number(text)) || Number(text) < min) throw new UsageError(message);
  return Number(text);
}
