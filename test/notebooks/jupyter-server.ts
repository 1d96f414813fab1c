// A real Jupyter server for browser tests: Debian's classic notebook server on 127.0.0.1 with a
// random token, the project's kernel spec found through JUPYTER_PATH, rooted at the project.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { kernelEnvironment, projectRoot } from '../../notebooks/tools/kernel.js';

export interface JupyterServer {
  url: string;
  token: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `checkpoints`: where the server keeps checkpoints (it writes one when it opens a notebook). */
export async function startJupyter(checkpoints: string): Promise<JupyterServer> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const args = ['notebook', '--no-browser', `--ip=127.0.0.1`, `--port=${port}`, `--notebook-dir=${projectRoot}`, `--NotebookApp.token=${token}`, '--NotebookApp.port_retries=0', `--FileCheckpoints.checkpoint_dir=${checkpoints}`];
  if (process.getuid?.() === 0) args.push('--allow-root');
  const child: ChildProcess = spawn('/usr/bin/jupyter', args, { env: kernelEnvironment(), stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`jupyter notebook exited (${child.exitCode}):\n${log}`);
    try {
      if ((await globalThis.fetch(`${url}/api/status?token=${token}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`jupyter notebook did not answer within 30 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
