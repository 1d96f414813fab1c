// The target of a run: a configured OpenWhisk, or the embedded one started in-process. The
// embedded server gets a fresh random key for each run: nothing to leak, nothing to configure.
import { randomBytes, randomUUID } from 'node:crypto';
import type { LocalWhiskConfig } from '../local/config.js';
import type { Connection } from './connection.js';
import type { RunTarget } from './runlog.js';

export interface OpenTarget {
  connection: Connection;
  target: RunTarget;
  /** The embedded server's isolation, in words (Docker, or processes and why). */
  isolation?: string;
  close(): Promise<void>;
}

/** Starts the embedded OpenWhisk on loopback; `images` registers blackbox executables. */
export async function startEmbedded(images: Record<string, string>, config: LocalWhiskConfig = {}): Promise<OpenTarget> {
  const { startLocalWhisk } = await import('../local/server.js');
  const auth = `${randomUUID()}:${randomBytes(48).toString('base64url')}`;
  const blackbox = { ...(config.blackbox ?? {}), images: { ...(config.blackbox?.images ?? {}), ...images } };
  const server = await startLocalWhisk({ host: '127.0.0.1', port: 0, auth, config: { ...config, blackbox } });
  return {
    connection: {
      apihost: server.apihost,
      auth,
      namespace: '_',
      from: { apihost: 'embedded', auth: 'embedded', namespace: 'embedded' },
    },
    target: { apihost: server.apihost, namespace: server.namespace, embedded: true, isolation: { ...server.isolation.kinds } },
    isolation: server.isolation.docker
      ? 'the embedded OpenWhisk runs nodejs and blackbox actions in Docker containers'
      : `the embedded OpenWhisk runs actions as processes: Docker not used (${server.isolation.reason})`,
    close: () => server.close(),
  };
}

export function configuredTarget(connection: Connection): OpenTarget {
  return {
    connection,
    target: { apihost: connection.apihost, namespace: connection.namespace, embedded: false },
    close: async () => {},
  };
}
