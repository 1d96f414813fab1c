// The Engine API's container-create body: OpenWhisk's docker run flags for an action container
// (no network, memory = memory + swap, a pids limit), hardened (no capabilities, no new
// privileges, the server's user), the socket folder at /ow, and no log file (the attach stream
// carries the output).

const PIDS_LIMIT = 256;

export interface DockerSpec {
  image: string;
  cmd?: string[];
  /** A host executable mounted read-only as /action/exec. */
  executable?: string;
}

export function createBody(spec: DockerSpec, memoryMb: number, folder: string, labels: Record<string, string>): Record<string, unknown> {
  const bytes = memoryMb * 1024 * 1024;
  const binds = [`${folder}:/ow`, ...(spec.executable ? [`${spec.executable}:/action/exec:ro`] : [])];
  return {
    Image: spec.image,
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    Env: ['OW_PROXY_SOCKET=/ow/proxy.sock'],
    User: `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`,
    Labels: labels,
    HostConfig: {
      NetworkMode: 'none',
      Memory: bytes,
      MemorySwap: bytes,
      PidsLimit: PIDS_LIMIT,
      Binds: binds,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      LogConfig: { Type: 'none', Config: {} },
    },
  };
}
