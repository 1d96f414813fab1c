// fetch(options): a deployment's activations pulled into NDJSON (what `owbench fetch` does), then
// loaded. The connection comes from the usual places (__OW_* variables, ~/.wskprops) unless given.
import { fetch as pullActivations, resolveConnection, type Connection, type FetchOptions, type FetchSummary } from '../index.js';
import { show } from './display.js';
import { noConnection, NotebookError } from './messages.js';
import { fromRoot, shown, workDir } from './paths.js';
import { load, type Activations } from './table.js';

export interface NotebookFetchOptions extends Omit<FetchOptions, 'connection' | 'out' | 'progress' | 'onPage'> {
  connection?: Connection;
  /** The NDJSON file, relative to the project root (default build/notebooks/fetched.ndjson). */
  out?: string;
}

export async function fetch(options: NotebookFetchOptions = {}): Promise<Activations & { summary: FetchSummary }> {
  const connection = options.connection ?? resolveConnection();
  if (!connection) throw new NotebookError(noConnection());
  const out = fromRoot(options.out ?? `${workDir}/fetched.ndjson`);
  const summary = await pullActivations({ ...options, connection, out });
  show({ 'text/plain': `fetched into ${shown(out)}` });
  return Object.assign(load(out), { summary });
}
